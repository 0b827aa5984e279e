package io.graychain.meshlab.manifests;

import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.graychain.meshlab.kustomize.ManifestException;
import io.graychain.meshlab.kustomize.ManifestReader;
import io.graychain.meshlab.kustomize.Manifests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestReaderTest {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: appa-v1
			spec:
			  template:
			    spec:
			      containers:
			      - name: appa
			        %s: 1
			""";

	@Test
	void readsKubernetesAndIstioKindsIntoTypedModels() {
		Manifests manifests = ManifestReader.read(DEPLOYMENT.formatted("tty") + """
				---
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata:
				  name: appa
				spec:
				  hosts: [appa]
				  http:
				  - match:
				    - headers:
				        end-user:
				          exact: jason
				    route:
				    - destination: {host: appa, subset: v2}
				""", "inline");

		assertThat(manifests.get(Deployment.class, "appa-v1").getSpec().getTemplate().getSpec().getContainers())
			.singleElement().satisfies(c -> assertThat(c.getTty()).isTrue());
		VirtualService vs = manifests.get(VirtualService.class, "appa");
		assertThat(vs.getSpec().getHttp().get(0).getMatch().get(0).getHeaders().get("end-user"))
			.hasToString(new StringMatch(new StringMatchExact("jason")).toString());
		assertThat(vs.getSpec().getHttp().get(0).getRoute().get(0).getDestination().getSubset()).isEqualTo("v2");
	}

	@Test
	void failsOnAFieldTheModelDoesNotKnow() {
		assertThatThrownBy(() -> ManifestReader.read(DEPLOYMENT.formatted("imagePullPolicyy"), "inline"))
			.isInstanceOf(ManifestException.class)
			.hasMessageContaining("imagePullPolicyy")
			.hasMessageContaining("Deployment appa-v1");
	}

	@Test
	void failsOnAnUnknownIstioField() {
		assertThatThrownBy(() -> ManifestReader.read("""
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata: {name: appa}
				spec:
				  hosts: [appa]
				  http:
				  - match:
				    - header: {}
				""", "inline")).isInstanceOf(ManifestException.class).hasMessageContaining("header");
	}

	@Test
	void readsTheShippedIstioFiles() {
		var rules = ManifestReader.read(Overlays.repositoryRoot().resolve("istio/destination-rules/appa.yaml"));
		assertThat(rules.all(DestinationRule.class)).singleElement()
			.satisfies(rule -> assertThat(rule.getSpec().getHost()).isEqualTo("appa"));
	}

	@Test
	void failsOnAKindWithoutModel() {
		assertThatThrownBy(() -> ManifestReader.read("""
				apiVersion: example.com/v1
				kind: Gadget
				metadata: {name: g}
				""", "inline")).isInstanceOf(ManifestException.class).hasMessageContaining("no typed model");
	}

}
