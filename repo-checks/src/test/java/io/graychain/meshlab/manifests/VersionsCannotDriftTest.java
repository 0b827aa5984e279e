package io.graychain.meshlab.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.graychain.meshlab.kustomize.Manifests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * v1 and v2 of a service differ only in what makes them v1 and v2: the Deployment name and the
 * {@code version} label (on the Deployment, its selector and its pods). Everything else, including
 * how the version reaches the app, is the same object.
 */
class VersionsCannotDriftTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void v2DeploymentsEqualTheirV1ButForNameAndVersion() {
		Manifests v2 = Overlays.render(Overlays.V2);
		for (String service : ShippedManifestsTest.WITH_V2) {
			Deployment v1Deployment = v2.get(Deployment.class, service + "-v1");
			Deployment v2Deployment = v2.get(Deployment.class, service + "-v2");
			assertThat(v2Deployment.getMetadata().getLabels()).containsEntry("version", "v2");
			assertThat(differences(asVersion(v1Deployment, "any"), asVersion(v2Deployment, "any")))
				.as(service + ": fields where v2 differs from v1 apart from name and version")
				.isEmpty();
		}
	}

	@Test
	void theV1DeploymentsOfBothOverlaysAreTheSame() {
		Manifests v1 = Overlays.render(Overlays.V1);
		Manifests v2 = Overlays.render(Overlays.V2);
		for (Deployment deployment : v1.all(Deployment.class)) {
			assertThat(v2.get(Deployment.class, Pods.name(deployment))).isEqualTo(deployment);
		}
	}

	/** The JSON paths at which two objects differ, e.g. {@code /spec/template/spec/containers/0/env/4}. */
	private static List<String> differences(Object expected, Object actual) {
		List<String> paths = new ArrayList<>();
		collect("", JSON.valueToTree(expected), JSON.valueToTree(actual), paths);
		return paths;
	}

	private static void collect(String path, JsonNode expected, JsonNode actual, List<String> paths) {
		if (expected.equals(actual)) {
			return;
		}
		if (expected.isContainerNode() && actual.isContainerNode() && expected.getNodeType() == actual.getNodeType()) {
			Set<String> keys = new TreeSet<>();
			expected.fieldNames().forEachRemaining(keys::add);
			actual.fieldNames().forEachRemaining(keys::add);
			for (int i = 0; expected.isArray() && i < Math.max(expected.size(), actual.size()); i++) {
				keys.add(String.valueOf(i));
			}
			for (String key : keys) {
				collect(path + "/" + key, child(expected, key), child(actual, key), paths);
			}
			return;
		}
		paths.add(path + ": " + expected + " -> " + actual);
	}

	private static JsonNode child(JsonNode node, String key) {
		return node.isArray() ? node.path(Integer.parseInt(key)) : node.path(key);
	}

	/** A copy of the Deployment with its name and every {@code version} label set to {@code version}. */
	private static Deployment asVersion(Deployment deployment, String version) {
		Deployment copy = new DeploymentBuilder(deployment).build();
		copy.getMetadata().setName(version);
		relabel(copy.getMetadata(), version);
		relabel(copy.getSpec().getTemplate().getMetadata(), version);
		copy.getSpec().getSelector().setMatchLabels(withVersion(copy.getSpec().getSelector().getMatchLabels(), version));
		return copy;
	}

	private static void relabel(ObjectMeta meta, String version) {
		meta.setLabels(withVersion(meta.getLabels(), version));
	}

	private static Map<String, String> withVersion(Map<String, String> labels, String version) {
		Map<String, String> copy = new HashMap<>(labels);
		copy.put("version", version);
		return copy;
	}

}
