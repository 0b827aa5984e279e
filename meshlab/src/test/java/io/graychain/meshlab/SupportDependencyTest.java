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
 * meshlab depends on the support library without any of its dependencies (meshlab-engine's pom), so that the
 * lab's runnable jar holds no Spring: the support classes meshlab's own code uses must need nothing
 * but the JDK (their own imports; a support class they use without importing it is not followed).
 */
class SupportDependencyTest {

	private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)\\.\\w+;$");

	private static final Pattern SUPPORT_IMPORT = Pattern.compile("(?m)^import (io\\.graychain\\.support\\.[\\w.]+);$");

	@Test
	void theSupportClassesMeshlabUsesImportOnlyTheJdk() throws IOException {
		List<String> used;
		used = Stream.of("meshlab-engine", "meshlab-lab", "meshlab").flatMap(SupportDependencyTest::sources)
			.flatMap(SupportDependencyTest::supportImports).distinct().toList();
		assertThat(used).as("support classes used by the main code of meshlab's modules").isNotEmpty();
		for (String type : used) {
			Path source = Tools.repo().resolve("support/src/main/java").resolve(type.replace('.', '/') + ".java");
			List<String> imported = IMPORT.matcher(Files.readString(source)).results().map(m -> m.group(1)).toList();
			assertThat(imported).as(type + " imports").allMatch(name -> name.startsWith("java."));
		}
	}

	/** The main sources of one of meshlab's modules. */
	private static Stream<Path> sources(String module) {
		try (Stream<Path> files = Files.walk(Tools.repo().resolve(module).resolve("src/main/java"))) {
			return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Stream<String> supportImports(Path file) {
		try {
			return SUPPORT_IMPORT.matcher(Files.readString(file)).results().map(m -> m.group(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
