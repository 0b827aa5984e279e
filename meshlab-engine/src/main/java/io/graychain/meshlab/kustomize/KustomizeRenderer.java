package io.graychain.meshlab.kustomize;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.graychain.meshlab.kubectl.Kubectl;

/**
 * Renders a kustomization directory with {@code kubectl kustomize}, the reference the manifest checks
 * use and {@link Kustomizer} (the lab's renderer) is compared with, and reads the output into typed
 * fabric8 objects ({@link ManifestReader}: unknown fields and unknown kinds fail).
 *
 * <pre>{@code
 * Manifests v2 = KustomizeRenderer.find().orElseThrow().render(Path.of("k8s/overlays/v2"));
 * Deployment appa = v2.get(Deployment.class, "appa-v2");
 * }</pre>
 */
public final class KustomizeRenderer {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Kubectl kubectl;

	public KustomizeRenderer(Kubectl kubectl) {
		this.kubectl = kubectl;
	}

	/** A renderer using {@code $KUBECTL} or {@code kubectl} on the PATH; empty when there is none. */
	public static Optional<KustomizeRenderer> find() {
		return Kubectl.find(System.getenv()).map(KustomizeRenderer::new);
	}

	/** The kustomize build of {@code dir} as typed resources. */
	public Manifests render(Path dir) {
		return ManifestReader.read(renderYaml(dir), dir.toString());
	}

	/** The kustomize build of {@code dir} as YAML text, exactly as kubectl prints it. */
	public String renderYaml(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new ManifestException("not a directory: " + dir.toAbsolutePath());
		}
		Kubectl.Run run;
		try {
			run = kubectl.run(List.of("kustomize", dir.toString()), TIMEOUT);
		}
		catch (UncheckedIOException ex) {
			throw new ManifestException(ex.getMessage(), ex);
		}
		if (run.timedOut()) {
			throw new ManifestException("kubectl kustomize " + dir + " took longer than " + TIMEOUT);
		}
		if (run.exit() != 0) {
			throw new ManifestException("kubectl kustomize " + dir + " failed (exit " + run.exit() + "): " + run.err());
		}
		return run.out();
	}

}
