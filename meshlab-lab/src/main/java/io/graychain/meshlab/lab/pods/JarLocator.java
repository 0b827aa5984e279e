package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a service's runnable jar is: {@code <repo>/<module>/<buildDir>/<module>-<version>-exec.jar}
 * as the Maven build leaves it, or {@code <dir>/<module>.jar} in a flat folder of jars.
 *
 * @param repo the repository root, for module build folders
 * @param buildDir the build folder name of each module, e.g. {@code target}
 * @param flatDir a folder of {@code <module>.jar} files that wins when set, or null
 */
public record JarLocator(Path repo, String buildDir, Path flatDir) {

	/** The runnable jar of {@code module}, if it was built. */
	public Optional<Path> find(String module) {
		if (flatDir != null) {
			Path jar = flatDir.resolve(module + ".jar");
			return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
		}
		Path dir = repo.resolve(module).resolve(buildDir);
		if (!Files.isDirectory(dir)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().startsWith(module + "-"))
				.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
				.sorted()
				.findFirst();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where the jar of {@code module} is expected, for messages. */
	public String expected(String module) {
		return flatDir != null ? flatDir.resolve(module + ".jar").toString()
				: repo.resolve(module).resolve(buildDir).resolve(module + "-*-exec.jar").toString();
	}

}
