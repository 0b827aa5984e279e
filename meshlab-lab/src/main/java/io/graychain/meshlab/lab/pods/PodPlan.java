package io.graychain.meshlab.lab.pods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.graychain.meshlab.kustomize.Manifests;

/**
 * The pods a rendered overlay runs: one {@link PodSpec} per replica of every Deployment, its first
 * container's environment resolved as the kubelet would.
 */
public final class PodPlan {

	/** Environment that only makes sense in a cluster: the lab has no trace collector. */
	static final Set<String> CLUSTER_ONLY_ENV = Set.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
			"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");

	private static final String DEFAULT_READINESS = "/actuator/health/readiness";

	private PodPlan() {
	}

	/** Every pod of every Deployment, in manifest order. */
	public static List<PodSpec> of(Manifests manifests) {
		PodEnv env = new PodEnv(manifests);
		List<PodSpec> pods = new ArrayList<>();
		for (Deployment deployment : manifests.all(Deployment.class)) {
			int replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
			for (int i = 0; i < replicas; i++) {
				pods.add(pod(deployment, deployment.getMetadata().getName() + "-" + i, env, appContainer(deployment).getEnv()));
			}
		}
		return pods;
	}

	/**
	 * The services the Deployments of a build run (their first container's image, {@link #module}),
	 * read from the plain trees: what {@code lab up} builds when a jar is missing, without the typed
	 * models' deserializers (most of a render's time; the daemon reads the models and refuses
	 * what they do not describe).
	 */
	public static Set<String> modules(List<? extends JsonNode> build) {
		Set<String> modules = new TreeSet<>();
		for (JsonNode resource : build) {
			JsonNode spec = resource.path("spec");
			JsonNode image = spec.path("template").path("spec").path("containers").path(0).path("image");
			// as of(): an apps/v1 Deployment with at least one replica (none given: one)
			if ("apps/v1".equals(resource.path("apiVersion").asText()) && "Deployment".equals(resource.path("kind").asText())
					&& spec.path("replicas").asInt(1) > 0 && image.isTextual()) {
				modules.add(module(image.asText()));
			}
		}
		return modules;
	}

	/** The environment the Deployment's (first) container is given, as written in the manifest. */
	public static List<EnvVar> env(Manifests manifests, String deployment) {
		return Optional.ofNullable(appContainer(deployment(manifests, deployment)).getEnv()).orElse(List.of());
	}

	/**
	 * The pods of revision {@code revision} of {@code deployment} whose container has the environment
	 * {@code env} (as after {@code kubectl set env}), named {@code <deployment>-r<revision>-<replica>}
	 * as new pods of a rollout get new names; their downward-API values follow the new names.
	 */
	public static List<PodSpec> revision(Manifests manifests, String deployment, List<EnvVar> env, int revision) {
		Deployment found = deployment(manifests, deployment);
		int replicas = Optional.ofNullable(found.getSpec().getReplicas()).orElse(1);
		PodEnv resolver = new PodEnv(manifests);
		List<PodSpec> pods = new ArrayList<>();
		for (int i = 0; i < replicas; i++) {
			pods.add(pod(found, deployment + "-r" + revision + "-" + i, resolver, env));
		}
		return pods;
	}

	private static Deployment deployment(Manifests manifests, String name) {
		return manifests.all(Deployment.class).stream().filter(d -> name.equals(d.getMetadata().getName())).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no Deployment " + name + " in the lab; its Deployments: "
					+ manifests.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).collect(Collectors.joining(", "))));
	}

	private static Container appContainer(Deployment deployment) {
		return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
	}

	private static PodSpec pod(Deployment deployment, String podName, PodEnv env, List<EnvVar> containerEnv) {
		PodTemplateSpec template = deployment.getSpec().getTemplate();
		Container container = appContainer(deployment);
		ObjectMeta meta = new ObjectMetaBuilder().withName(podName)
			.withNamespace(Optional.ofNullable(deployment.getMetadata().getNamespace()).orElse("default"))
			.withLabels(template.getMetadata().getLabels())
			.withAnnotations(template.getMetadata().getAnnotations())
			.build();
		Map<String, String> variables = new LinkedHashMap<>(
				env.resolve(containerEnv, meta, template.getSpec().getServiceAccountName()));
		CLUSTER_ONLY_ENV.forEach(variables::remove);
		variables.put("HOSTNAME", podName);
		return new PodSpec(podName, deployment.getMetadata().getName(), module(container.getImage()),
				meta.getLabels() == null ? Map.of() : meta.getLabels(), variables, containerPort(container),
				readinessPath(container));
	}

	/** The services (by {@code app} label) that run more than one version: where a chain can cross. */
	public static Set<String> lanes(List<PodSpec> pods) {
		return pods.stream().collect(Collectors.groupingBy(p -> p.labels().getOrDefault("app", p.module()),
				Collectors.mapping(PodSpec::version, Collectors.toSet())))
			.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** The service an image runs: the last path segment without tag or digest ({@code ghcr.io/x/appa:0.1.0} → {@code appa}). */
	static String module(String image) {
		String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
		name = name.substring(name.lastIndexOf('/') + 1);
		return name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
	}

	private static int containerPort(Container container) {
		List<ContainerPort> ports = container.getPorts() == null ? List.of() : container.getPorts();
		return ports.stream().filter(p -> "http".equals(p.getName())).findFirst()
			.or(() -> ports.stream().findFirst())
			.map(ContainerPort::getContainerPort)
			.orElse(8080);
	}

	private static String readinessPath(Container container) {
		return Optional.ofNullable(container.getReadinessProbe())
			.map(p -> p.getHttpGet())
			.map(g -> g.getPath())
			.orElse(DEFAULT_READINESS);
	}

}
