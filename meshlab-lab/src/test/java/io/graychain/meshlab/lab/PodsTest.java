package io.graychain.meshlab.lab;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.graychain.meshlab.kustomize.ManifestReader;
import io.graychain.meshlab.kustomize.Manifests;
import io.graychain.meshlab.lab.pods.PodEnv;
import io.graychain.meshlab.lab.pods.PodPlan;
import io.graychain.meshlab.lab.pods.PodSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pods of a rendered overlay, their environment resolved as the kubelet would. */
class PodsTest {

	static final String MANIFESTS = """
			apiVersion: v1
			kind: ConfigMap
			metadata: {name: settings, namespace: graychain}
			data: {region: eu-west}
			---
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: appa-v2, namespace: graychain, labels: {app: appa, version: v2}}
			spec:
			  replicas: 2
			  selector: {matchLabels: {app: appa, version: v2}}
			  template:
			    metadata:
			      labels: {app: appa, version: v2}
			      annotations: {team: gray}
			    spec:
			      serviceAccountName: appa
			      containers:
			      - name: app
			        image: ghcr.io/graychain/appa:0.1.0
			        ports: [{name: http, containerPort: 8000}]
			        readinessProbe: {httpGet: {path: /ready, port: http}}
			        env:
			        - {name: VERSION, valueFrom: {fieldRef: {fieldPath: "metadata.labels['version']"}}}
			        - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
			        - {name: POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
			        - {name: TEAM, valueFrom: {fieldRef: {fieldPath: "metadata.annotations['team']"}}}
			        - {name: SA, valueFrom: {fieldRef: {fieldPath: spec.serviceAccountName}}}
			        - {name: REGION, valueFrom: {configMapKeyRef: {name: settings, key: region}}}
			        - {name: WHO, value: "$(POD_NAME) in $(REGION), $$(POD_NAME) stays, $(NOPE) too"}
			        - {name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT, value: "http://jaeger:4318"}
			---
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: appa-v1, namespace: graychain}
			spec:
			  selector: {matchLabels: {app: appa, version: v1}}
			  template:
			    metadata: {labels: {app: appa, version: v1}}
			    spec:
			      containers: [{name: app, image: "registry.local:5000/appa@sha256:abc"}]
			---
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: product-v1, namespace: graychain}
			spec:
			  selector: {matchLabels: {app: product, version: v1}}
			  template:
			    metadata: {labels: {app: product, version: v1}}
			    spec:
			      containers: [{name: app, image: product}]
			""";

	final Manifests manifests = ManifestReader.read(MANIFESTS, "test.yaml");

	@Test
	void onePodPerReplicaWithTheDownwardApiResolved() {
		List<PodSpec> pods = PodPlan.of(manifests);
		assertThat(pods).extracting(PodSpec::name).containsExactly("appa-v2-0", "appa-v2-1", "appa-v1-0", "product-v1-0");
		PodSpec pod = pods.get(1);
		assertThat(pod.module()).isEqualTo("appa");
		assertThat(pod.workload()).isEqualTo("appa-v2");
		assertThat(pod.containerPort()).isEqualTo(8000);
		assertThat(pod.readinessPath()).isEqualTo("/ready");
		assertThat(pod.env()).containsEntry("VERSION", "v2").containsEntry("POD_NAME", "appa-v2-1")
			.containsEntry("POD_NAMESPACE", "graychain").containsEntry("TEAM", "gray").containsEntry("SA", "appa")
			.containsEntry("REGION", "eu-west").containsEntry("HOSTNAME", "appa-v2-1")
			.containsEntry("WHO", "appa-v2-1 in eu-west, $(POD_NAME) stays, $(NOPE) too")
			.doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
	}

	@Test
	void theServiceIsTheImageNameWithoutRegistryTagOrDigest() {
		assertThat(PodPlan.of(manifests)).extracting(PodSpec::module).containsExactly("appa", "appa", "appa", "product");
		assertThat(PodPlan.of(manifests).get(2).readinessPath()).isEqualTo("/actuator/health/readiness");
	}

	@Test
	void theServicesToBuildAreReadFromThePlainTreesAsThePodsRunThem() throws IOException {
		// lab up reads them without the typed models; they must be the services of the pods the daemon starts
		String more = MANIFESTS + """
				---
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: forecast-v1, namespace: graychain}
				spec:
				  replicas: 0
				  selector: {matchLabels: {app: forecast, version: v1}}
				  template:
				    metadata: {labels: {app: forecast, version: v1}}
				    spec:
				      containers: [{name: app, image: forecast}]
				""";
		assertThat(PodPlan.modules(new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(more).readAll()))
			.containsExactlyElementsOf(PodPlan.of(ManifestReader.read(more, "more.yaml")).stream().map(PodSpec::module).distinct()
				.sorted().toList())
			.containsExactly("appa", "product");
	}

	@Test
	void lanesAreTheServicesWithMoreThanOneVersion() {
		assertThat(PodPlan.lanes(PodPlan.of(manifests))).containsExactly("appa");
	}

	@Test
	void whatTheLabCannotKnowIsAClearError() {
		var pod = new ObjectMetaBuilder().withName("p").withNamespace("n").build();
		var env = new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("X").withNewValueFrom().withNewFieldRef()
			.withFieldPath("metadata.generation").endFieldRef().endValueFrom().build();
		assertThatThrownBy(() -> new PodEnv(manifests).resolve(List.of(env), pod, null))
			.hasMessageContaining("env X").hasMessageContaining("metadata.generation");
		assertThat(new PodEnv(manifests).resolve(null, pod, null)).isEqualTo(Map.of());
	}

}
