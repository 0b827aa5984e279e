package io.graychain.support.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external tool a test needs (kubectl, chromium, chromedriver). Where the tool is
 * missing, the test fails when {@code GRAYCHAIN_REQUIRE_TOOLS=true} (as {@code .ci/run} sets it),
 * and is skipped with a message on a user's machine otherwise. A test never skips silently in CI.
 */
public final class RequiredTools {

	public static final String REQUIRE_FLAG = "GRAYCHAIN_REQUIRE_TOOLS";

	private RequiredTools() {
	}

	/**
	 * The path of the first candidate that is an executable file, or of {@code name} on the
	 * {@code PATH}; else fails or skips the calling test.
	 */
	public static Path require(String name, String... candidates) {
		Optional<Path> found = find(name, candidates);
		if (found.isPresent()) {
			return found.get();
		}
		missing(name + " is not installed (see the README's test prerequisites; .ci/run installs it)");
		throw new IllegalStateException("unreachable");
	}

	/** Fails the calling test when tools are required, else skips it, with {@code message}. */
	public static void missing(String message) {
		if (Boolean.parseBoolean(System.getenv(REQUIRE_FLAG))) {
			Assertions.fail(message + "; " + REQUIRE_FLAG + "=true makes a missing tool a failure");
		}
		Assumptions.abort(message + "; skipped (set " + REQUIRE_FLAG + "=true to make this a failure)");
	}

	public static Optional<Path> find(String name, String... candidates) {
		for (String candidate : candidates) {
			Path path = Path.of(candidate);
			if (Files.isExecutable(path)) {
				return Optional.of(path);
			}
		}
		String searchPath = System.getenv().getOrDefault("PATH", "");
		return Arrays.stream(searchPath.split(java.io.File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
