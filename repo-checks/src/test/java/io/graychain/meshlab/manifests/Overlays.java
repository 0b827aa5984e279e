package io.graychain.meshlab.manifests;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.graychain.meshlab.kustomize.KustomizeRenderer;
import io.graychain.meshlab.kustomize.Manifests;
import io.graychain.meshlab.testing.Tools;

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
		return Tools.kubectl();
	}

	/** The repository root. */
	public static Path repositoryRoot() {
		return Tools.repo();
	}

}
