package io.graychain.meshlab.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.graychain.meshlab.kustomize.KustomizeRenderer;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/** External tools for tests: a test that needs one fails under {@code GRAYCHAIN_REQUIRE_TOOLS=true}, else skips. */
public final class Tools {

	private Tools() {
	}

	/** A kustomize renderer; skips the test (or fails it when tools are required) if kubectl is missing. */
	public static KustomizeRenderer kubectl() {
		var renderer = KustomizeRenderer.find();
		if (renderer.isEmpty()) {
			missing("kubectl not found on PATH (or $KUBECTL): cannot render k8s/ overlays");
		}
		return renderer.get();
	}

	/** An executable on the PATH; skips the test (or fails it when tools are required) if it is missing. */
	public static Path onPath(String tool) {
		String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
		return Stream.of(path.split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, tool))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseGet(() -> {
				missing(tool + " not found on PATH");
				return null;
			});
	}

	private static void missing(String message) {
		if ("true".equalsIgnoreCase(System.getenv("GRAYCHAIN_REQUIRE_TOOLS"))) {
			fail(message + " and GRAYCHAIN_REQUIRE_TOOLS=true");
		}
		Assumptions.abort(message + "; skipped (set GRAYCHAIN_REQUIRE_TOOLS=true to make this a failure)");
	}

	/** The repository root (the folder holding {@code istio/} and the parent {@code pom.xml}). */
	public static Path repo() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !(Files.isDirectory(dir.resolve("istio")) && Files.isRegularFile(dir.resolve("mvnw")))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}
