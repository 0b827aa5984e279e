package io.graychain.meshlab.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.graychain.meshlab.kustomize.KustomizeRenderer;
import io.graychain.meshlab.kustomize.Manifests;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped kustomizations, rendered once per test run. Without kubectl a test fails when the
 * environment says {@code GRAYCHAIN_REQUIRE_TOOLS=true} (CI) and is skipped with a message otherwise.
 */
public final class Overlays {

	public static final String V1 = "k8s/overlays/v1";

	public static final String V2 = "k8s/overlays/v2";

	private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

	private Overlays() {
	}

	/** The rendered kustomization at {@code dir}, relative to the repository root. */
	public static Manifests render(String dir) {
		return RENDERED.computeIfAbsent(dir, d -> renderer().render(repositoryRoot().resolve(d)));
	}

	/** A renderer, or the test ends here (failed in CI, skipped elsewhere) when kubectl is missing. */
	public static KustomizeRenderer renderer() {
		Optional<KustomizeRenderer> renderer = KustomizeRenderer.find();
		if (renderer.isEmpty()) {
			String message = "kubectl is not installed (or $" + KustomizeRenderer.KUBECTL_ENV
					+ " names no executable): the manifest checks need `kubectl kustomize`";
			if (Boolean.parseBoolean(System.getenv("GRAYCHAIN_REQUIRE_TOOLS"))) {
				fail(message + " and GRAYCHAIN_REQUIRE_TOOLS=true");
			}
			assumeTrue(false, message + "; skipped (set GRAYCHAIN_REQUIRE_TOOLS=true to fail instead)");
		}
		return renderer.get();
	}

	/** The repository root: the nearest folder at or above the working directory holding k8s/. */
	public static Path repositoryRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("k8s/overlays"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no k8s/overlays at or above " + Path.of("").toAbsolutePath());
	}

}
