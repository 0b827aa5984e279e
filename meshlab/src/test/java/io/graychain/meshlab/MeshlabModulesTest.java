package io.graychain.meshlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * meshlab's three modules keep their roles: the engine reads rules and decides (no sockets, no
 * servers; it runs kubectl only as the reference renderer of its tests), the lab runs on it, and this
 * module is the command line on top, holding nothing but its root command and {@code lab up/down}.
 */
class MeshlabModulesTest {

	private static final Path MESHLAB = Tools.repo().resolve("meshlab");

	private static final Pattern NETWORK_OR_PROCESS = Pattern.compile(
			"(?m)^import (java\\.net\\.(Socket|ServerSocket|URL|http\\.)|com\\.sun\\.net\\.|org\\.eclipse\\.jetty\\.)|ProcessBuilder");

	@Test
	void theCommandLineModuleHoldsOnlyItsRootCommandAndTheLabControl() {
		assertThat(packages(MESHLAB.resolve("src/main/java"))).containsOnly("io/graychain/meshlab/cli",
				"io/graychain/meshlab/lab/control");
		assertThat(packages(MESHLAB.resolve("src/test/java"))).as("tests mirror main packages")
			.containsOnly("io/graychain/meshlab", "io/graychain/meshlab/cli", "io/graychain/meshlab/lab/control");
		assertThat(files(MESHLAB.resolve("src/main/resources")).stream().map(MESHLAB::relativize)).as("the lab's resources are meshlab-lab's").isEmpty();
		assertThat(files(MESHLAB.resolve("src/test/resources")).stream().map(MESHLAB::relativize)).as("fixtures live with the tests that read them").isEmpty();
	}

	@Test
	void theEngineOpensNoSocketAndRunsOnlyKubectl() {
		Path engine = Tools.repo().resolve("meshlab-engine/src/main/java");
		List<Path> offenders = files(engine).stream().filter(f -> f.toString().endsWith(".java"))
			.filter(f -> !f.getParent().endsWith("io/graychain/meshlab/kubectl") && !f.getFileName().toString().equals("KustomizeRenderer.java"))
			.filter(f -> NETWORK_OR_PROCESS.matcher(read(f)).find()).map(engine::relativize).toList();
		assertThat(offenders).as("engine sources with sockets, HTTP or processes").isEmpty();
	}

	/** The folders (relative to {@code root}) that hold a {@code .java} file. */
	private static List<String> packages(Path root) {
		return files(root).stream().filter(f -> f.toString().endsWith(".java")).map(f -> root.relativize(f.getParent()).toString())
			.distinct().sorted().toList();
	}

	private static List<Path> files(Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
