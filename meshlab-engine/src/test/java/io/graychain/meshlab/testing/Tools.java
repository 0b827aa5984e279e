package io.graychain.meshlab.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.graychain.meshlab.kubectl.Kubectl;
import io.graychain.meshlab.kustomize.KustomizeRenderer;
import io.graychain.support.test.Repository;
import io.graychain.support.test.RequiredTools;

/** External tools for tests: a test that needs one fails under {@code GRAYCHAIN_REQUIRE_TOOLS=true}, else skips. */
public final class Tools {

	private Tools() {
	}

	/** A kustomize renderer; skips the test (or fails it when tools are required) if kubectl is missing. */
	public static KustomizeRenderer kubectl() {
		var renderer = KustomizeRenderer.find();
		if (renderer.isEmpty()) {
			RequiredTools.missing("kubectl not found on PATH (or $KUBECTL): cannot render k8s/ overlays");
		}
		return renderer.get();
	}

	/**
	 * The real kubectl ({@code $KUBECTL}, else on the PATH), e.g. for a kubectl test double to run
	 * {@code kustomize} with; skips the test (or fails it when tools are required) if it is missing.
	 */
	public static Path realKubectl() {
		var kubectl = Kubectl.find(System.getenv());
		if (kubectl.isEmpty()) {
			RequiredTools.missing("kubectl not found on PATH (or $KUBECTL): cannot render k8s/ overlays");
		}
		return kubectl.get().executable();
	}

	/** An executable on the PATH; skips the test (or fails it when tools are required) if it is missing. */
	public static Path onPath(String tool) {
		return RequiredTools.require(tool);
	}

	/**
	 * The environment for a script under {@code scripts/} that runs meshlab: {@code env}, and meshlab
	 * run from this test's class path ({@code GRAYCHAIN_MESHLAB_CLASSPATH}), as there is no jar before
	 * the package phase.
	 */
	public static Map<String, String> scriptEnv(Map<String, String> env) {
		Map<String, String> all = new HashMap<>(env);
		all.put("GRAYCHAIN_MESHLAB_CLASSPATH", System.getProperty("java.class.path"));
		return all;
	}

	/** The repository root (the folder holding {@code istio/} and the parent {@code pom.xml}). */
	public static Path repo() {
		return Repository.root();
	}

}
