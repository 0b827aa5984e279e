package io.graychain.meshlab.scenario;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.testing.Tools;

import static org.assertj.core.api.Assertions.assertThat;

/** Rendered overlays of the repository, read once per test run. */
final class Overlays {

	static final String NAMESPACE = "graychain";

	private static final Map<String, MeshLoader> RENDERED = new ConcurrentHashMap<>();

	private Overlays() {
	}

	/** What {@code kubectl kustomize k8s/overlays/<name>} renders, read strictly. */
	static MeshLoader loader(String name) {
		return RENDERED.computeIfAbsent(name, n -> {
			Path dir = Tools.repo().resolve("k8s/overlays").resolve(n);
			String yaml = Tools.kubectl().renderYaml(dir);
			return new MeshLoader().read(yaml, "k8s/overlays/" + n + " (rendered)");
		});
	}

	/** The rendered overlay as a configuration (baseline rules included). */
	static MeshConfig config(String name) {
		MeshLoader loader = loader(name);
		assertThat(loader.problems()).as("k8s/overlays/" + name + " reads").isEmpty();
		return new MeshConfig(NAMESPACE, loader.resources());
	}

	static Path scenarios() {
		return Tools.repo().resolve("istio/scenarios");
	}

}
