package io.graychain.support.test;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, for tests that read its shipped files (k8s/, istio/, scripts/). */
public final class Repository {

	private Repository() {
	}

	/** The nearest folder at or above the working directory that holds {@code mvnw} and {@code istio/}. */
	public static Path root() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("istio"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no repository root at or above " + Path.of("").toAbsolutePath());
	}

}
