package io.graychain.meshlab.kustomize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a kustomization names. As in kustomize's default load restriction, a file must lie inside
 * the kustomization's own folder; only directories (other kustomizations) may be elsewhere.
 */
final class Sources {

	private Sources() {
	}

	/** {@code name} resolved against {@code dir}; a URL or a missing path fails naming {@code where}. */
	static Path resolve(Path dir, String name, String where) {
		if (name.contains("://") || name.startsWith("git@") || name.startsWith("github.com/")) {
			throw new ManifestException(where + ": remote resource '" + name + "' not supported by the lab's kustomize");
		}
		Path path = dir.resolve(name).normalize();
		if (!Files.exists(path)) {
			throw new ManifestException(where + ": '" + name + "' does not exist (" + path + ")");
		}
		return path;
	}

	/** The text of file {@code name}, which must lie inside {@code dir}. */
	static String readInside(Path dir, String name, String where) {
		Path file = resolve(dir, name, where);
		if (!file.startsWith(dir.normalize())) {
			throw new ManifestException(where + ": file '" + name + "' is outside " + dir
					+ " (kustomize only loads files under the kustomization's folder)");
		}
		if (!Files.isRegularFile(file)) {
			throw new ManifestException(where + ": '" + name + "' is not a file");
		}
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new ManifestException(where + ": cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

}
