package io.graychain.meshlab.manifests;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.graychain.meshlab.kustomize.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.graychain.meshlab.manifests.Pods.app;
import static io.graychain.meshlab.manifests.Pods.labels;
import static io.graychain.meshlab.manifests.Pods.name;
import static io.graychain.meshlab.manifests.Pods.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What both overlays ship, rendered with {@code kubectl kustomize} and read with fabric8's typed
 * models: labels, identity from the downward API, Services and ports, hardening, probes,
 * resources, graceful termination, images and tracing. Routing objects: {@link MeshRoutesTest}.
 */
class ShippedManifestsTest {

	static final Set<String> SERVICES = Set.of("appa", "appb", "product", "frontend", "forecast", "recommendation");

	static final Set<String> WITH_V2 = Set.of("appa", "appb", "product", "frontend", "forecast");

	private static final int ISTIO_PROXY_UID = 1337;

	private static final int SHUTDOWN_PHASE_SECONDS = 20;

	@ParameterizedTest
	@ValueSource(strings = Overlays.V1)
	void theV1OverlayRunsEveryServiceAtV1(String overlay) {
		assertThat(deploymentNames(overlay)).containsExactlyInAnyOrderElementsOf(named(SERVICES, "v1"));
	}

	@ParameterizedTest
	@ValueSource(strings = Overlays.V2)
	void theV2OverlayRunsV1AndV2SideBySide(String overlay) {
		assertThat(deploymentNames(overlay)).containsExactlyInAnyOrderElementsOf(
				union(named(SERVICES, "v1"), named(WITH_V2, "v2")));
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void everyDeploymentCarriesAppAndVersionEverywhere(String overlay) {
		for (Deployment deployment : deployments(overlay)) {
			Map<String, String> meta = deployment.getMetadata().getLabels();
			assertThat(meta).as("%s: labels", name(deployment)).containsKeys("app", "version");
			Map<String, String> identity = Map.of("app", meta.get("app"), "version", meta.get("version"));
			assertThat(deployment.getSpec().getSelector().getMatchLabels()).as("%s: selector", name(deployment))
				.isEqualTo(identity);
			assertThat(labels(deployment)).as("%s: pod labels", name(deployment)).containsAllEntriesOf(identity);
			assertThat(name(deployment)).isEqualTo(meta.get("app") + "-" + meta.get("version"));
			assertThat(spec(deployment).getServiceAccountName()).as("%s: service account", name(deployment))
				.isEqualTo(meta.get("app"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void podsLearnTheirVersionNameAndNamespaceFromThemselves(String overlay) {
		for (Deployment deployment : deployments(overlay)) {
			Map<String, String> fieldRefs = app(deployment).getEnv()
				.stream()
				.filter(env -> env.getValueFrom() != null && env.getValueFrom().getFieldRef() != null)
				.collect(Collectors.toMap(EnvVar::getName, env -> env.getValueFrom().getFieldRef().getFieldPath()));
			assertThat(fieldRefs).as("%s: env from the downward API", name(deployment))
				.containsEntry("VERSION", "metadata.labels['version']")
				.containsEntry("POD_NAME", "metadata.name")
				.containsEntry("POD_NAMESPACE", "metadata.namespace");
			assertThat(app(deployment).getEnv()).as("%s: VERSION is never a literal", name(deployment))
				.filteredOn(env -> env.getName().equals("VERSION"))
				.singleElement()
				.satisfies(env -> assertThat(env.getValue()).isNull());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void everyServiceSelectsPodsOnItsNamedPort(String overlay) {
		Manifests manifests = Overlays.render(overlay);
		assertThat(manifests.all(Service.class)).extracting(s -> s.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(SERVICES);
		for (Service service : manifests.all(Service.class)) {
			String name = service.getMetadata().getName();
			List<Deployment> selected = deployments(overlay).stream()
				.filter(d -> Pods.selects(service.getSpec().getSelector(), labels(d)))
				.toList();
			assertThat(selected).as("%s: Deployments whose pods the Service selects", name).isNotEmpty();
			assertThat(service.getSpec().getPorts()).as("%s: ports", name).singleElement().satisfies(port -> {
				assertThat(port.getName()).isEqualTo("http");
				assertThat(port.getPort()).as("%s: port (pom app.port)", name).isEqualTo(Poms.port(name));
				assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
			});
			for (Deployment deployment : selected) {
				assertThat(app(deployment).getPorts()).as("%s: container ports", name(deployment))
					.singleElement()
					.satisfies(port -> {
						assertThat(port.getName()).isEqualTo(servicePort(service).getName());
						assertThat(port.getContainerPort()).isEqualTo(Poms.port(name));
					});
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void podsRunAsAFixedNonRootUserWithNothingToEscalate(String overlay) {
		for (Deployment deployment : deployments(overlay)) {
			PodSecurityContext pod = spec(deployment).getSecurityContext();
			assertThat(pod).as("%s: pod securityContext", name(deployment)).isNotNull();
			assertThat(pod.getRunAsNonRoot()).as("%s: runAsNonRoot", name(deployment)).isTrue();
			assertThat(pod.getRunAsUser()).as("%s: runAsUser", name(deployment))
				.isNotNull()
				.isPositive()
				.isNotEqualTo(ISTIO_PROXY_UID);
			assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

			SecurityContext container = app(deployment).getSecurityContext();
			assertThat(container).as("%s: container securityContext", name(deployment)).isNotNull();
			assertThat(container.getAllowPrivilegeEscalation()).as("%s: privilege escalation", name(deployment))
				.isFalse();
			assertThat(container.getReadOnlyRootFilesystem()).as("%s: read-only root", name(deployment)).isTrue();
			assertThat(container.getCapabilities().getDrop()).as("%s: dropped capabilities", name(deployment))
				.containsExactly("ALL");
			assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
			assertThat(container.getPrivileged()).isNotEqualTo(Boolean.TRUE);
			assertThat(container.getRunAsUser()).as("%s: container runAsUser", name(deployment)).isNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void tmpIsTheOnlyWritablePathAndItIsAnEmptyDir(String overlay) {
		for (Deployment deployment : deployments(overlay)) {
			assertThat(app(deployment).getVolumeMounts()).as("%s: mounts", name(deployment))
				.singleElement()
				.satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
			String volume = app(deployment).getVolumeMounts().get(0).getName();
			assertThat(spec(deployment).getVolumes()).as("%s: volumes", name(deployment))
				.filteredOn(v -> v.getName().equals(volume))
				.singleElement()
				.extracting(Volume::getEmptyDir)
				.isNotNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void probesAskTheActuatorHealthGroupsOnTheServicePort(String overlay) {
		for (Deployment deployment : deployments(overlay)) {
			Container app = app(deployment);
			assertProbe(deployment, "readiness", app.getReadinessProbe(), "/actuator/health/readiness");
			assertProbe(deployment, "liveness", app.getLivenessProbe(), "/actuator/health/liveness");
			assertProbe(deployment, "startup", app.getStartupProbe(), "/actuator/health/liveness");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void podsAreSizedFromTheMeasuredMemory(String overlay) {
		for (Deployment deployment : deployments(overlay)) {
			Map<String, Quantity> requests = app(deployment).getResources().getRequests();
			Map<String, Quantity> limits = app(deployment).getResources().getLimits();
			assertThat(requests).as("%s: requests", name(deployment)).containsKeys("cpu", "memory");
			assertThat(limits).as("%s: limits", name(deployment)).containsKey("memory");
			BigDecimal request = Quantity.getAmountInBytes(requests.get("memory"));
			assertThat(request).as("%s: memory request vs. measured 160Mi", name(deployment))
				.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("160Mi")));
			assertThat(Quantity.getAmountInBytes(limits.get("memory"))).as("%s: memory limit", name(deployment))
				.isGreaterThanOrEqualTo(request);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void aPodReplacedDuringARolloutDropsNoRequest(String overlay) {
		for (Deployment deployment : deployments(overlay)) {
			var preStop = app(deployment).getLifecycle().getPreStop();
			assertThat(preStop.getSleep()).as("%s: preStop sleep", name(deployment)).isNotNull();
			long drain = preStop.getSleep().getSeconds() + SHUTDOWN_PHASE_SECONDS;
			assertThat(spec(deployment).getTerminationGracePeriodSeconds())
				.as("%s: grace period vs. preStop + shutdown phase", name(deployment))
				.isGreaterThan(drain);
			String proxyConfig = deployment.getSpec().getTemplate().getMetadata().getAnnotations()
				.get("proxy.istio.io/config");
			assertThat(proxyConfig).as("%s: Istio proxy config", name(deployment))
				.contains("holdApplicationUntilProxyStarts: true")
				.containsPattern("terminationDrainDuration: (\\d+)s");
			long sidecarDrain = Long.parseLong(proxyConfig.replaceAll("(?s).*terminationDrainDuration: (\\d+)s.*", "$1"));
			assertThat(sidecarDrain).as("%s: the sidecar outlives the app's drain", name(deployment))
				.isGreaterThanOrEqualTo(drain)
				.isLessThan(spec(deployment).getTerminationGracePeriodSeconds());
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
				.as("%s: maxUnavailable", name(deployment))
				.isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void everyImageComesFromTheRegistryAndTagTheBuildPushes(String overlay) {
		for (Deployment deployment : deployments(overlay)) {
			assertThat(app(deployment).getImage()).as("%s: image", name(deployment))
				.isEqualTo(Poms.imageRegistry() + "/" + labels(deployment).get("app") + ":" + Poms.imageTag());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void tracesGoToOneCollectorSetting(String overlay) {
		Set<String> endpoints = deployments(overlay).stream()
			.map(d -> app(d).getEnv()
				.stream()
				.filter(env -> env.getName().equals("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"))
				.map(EnvVar::getValue)
				.findFirst()
				.orElse("(not set in " + name(d) + ")"))
			.collect(Collectors.toSet());
		assertThat(endpoints).containsExactly("http://jaeger-collector.istio-system:4318/v1/traces");
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void everythingLivesInOneNamespaceWithSidecarInjection(String overlay) {
		Manifests manifests = Overlays.render(overlay);
		assertThat(manifests.all(Namespace.class)).singleElement().satisfies(namespace -> {
			assertThat(namespace.getMetadata().getLabels()).containsEntry("istio-injection", "enabled");
			assertThat(manifests.resources()).filteredOn(r -> !(r instanceof Namespace))
				.extracting(HasMetadata::getMetadata)
				.allSatisfy(meta -> assertThat(meta.getNamespace()).as(meta.getName())
					.isEqualTo(namespace.getMetadata().getName()));
		});
	}

	private static void assertProbe(Deployment deployment, String kind, Probe probe, String path) {
		assertThat(probe).as("%s: %s probe", name(deployment), kind).isNotNull();
		assertThat(probe.getHttpGet().getPath()).as("%s: %s probe path", name(deployment), kind).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).as("%s: %s probe port", name(deployment), kind)
			.isEqualTo(app(deployment).getPorts().stream().map(ContainerPort::getName).findFirst().orElseThrow());
	}

	private static ServicePort servicePort(Service service) {
		return service.getSpec().getPorts().get(0);
	}

	private static List<Deployment> deployments(String overlay) {
		return Overlays.render(overlay).all(Deployment.class);
	}

	private static List<String> deploymentNames(String overlay) {
		return deployments(overlay).stream().map(Pods::name).toList();
	}

	private static Set<String> named(Set<String> services, String version) {
		return services.stream().map(s -> s + "-" + version).collect(Collectors.toSet());
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
	}

}
