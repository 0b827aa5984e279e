package io.graychain.meshlab.kustomize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code kustomization.yaml} (a Kustomization or a Component), limited to the fields the lab's
 * renderer implements. Any other field is refused by name, so a manifest that needs more of kustomize
 * fails clearly instead of rendering differently from {@code kubectl kustomize}.
 *
 * @param dir the kustomization root
 * @param component whether it is a {@code kind: Component}
 * @param resources files and directories, relative to {@code dir}
 * @param components component directories, relative to {@code dir}
 * @param namespace the namespace to set, or empty
 * @param images the {@code images} entries
 * @param patches the {@code patches} entries
 * @param replacements the {@code replacements} entries
 */
record Kustomization(Path dir, boolean component, List<String> resources, List<String> components,
		Optional<String> namespace, List<JsonNode> images, List<JsonNode> patches, List<JsonNode> replacements) {

	static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

	private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "components", "namespace",
			"images", "patches", "replacements");

	/** The kustomization file of {@code dir}; fails when it has none or more than one. */
	static Path fileOf(Path dir) {
		List<Path> found = FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
		if (found.size() != 1) {
			throw new ManifestException(found.isEmpty() ? "no kustomization.yaml in " + dir
					: "more than one kustomization file in " + dir + ": " + found);
		}
		return found.get(0);
	}

	static Kustomization load(Path dir) {
		Path file = fileOf(dir);
		JsonNode root;
		try {
			root = Yaml.documents(Files.readString(file), file.toString()).stream().findFirst()
				.orElseThrow(() -> new ManifestException(file + " is empty"));
		}
		catch (IOException ex) {
			throw new ManifestException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		Supported.only(root, FIELDS, file.toString());
		String kind = root.path("kind").asText("Kustomization");
		if (!kind.equals("Kustomization") && !kind.equals("Component")) {
			throw new ManifestException(file + ": kind " + kind + " is neither Kustomization nor Component");
		}
		JsonNode namespace = root.path("namespace");
		if (!namespace.isMissingNode() && !namespace.isNull() && !namespace.isTextual()) {
			throw new ManifestException(file + ": namespace must be a string, not " + namespace);
		}
		return new Kustomization(dir, kind.equals("Component"), strings(root, "resources", file),
				strings(root, "components", file), Optional.ofNullable(namespace.textValue()),
				nodes(root, "images", file), nodes(root, "patches", file), nodes(root, "replacements", file));
	}

	private static List<String> strings(JsonNode root, String field, Path file) {
		return nodes(root, field, file).stream().map(node -> {
			if (!node.isTextual()) {
				throw new ManifestException(file + ": " + field + " holds " + node + ", not a path");
			}
			return node.textValue();
		}).toList();
	}

	private static List<JsonNode> nodes(JsonNode root, String field, Path file) {
		JsonNode list = root.path(field);
		if (list.isMissingNode() || list.isNull()) {
			return List.of();
		}
		if (!list.isArray()) {
			throw new ManifestException(file + ": " + field + " must be a list");
		}
		return Stream.iterate(0, i -> i < list.size(), i -> i + 1).map(list::get).toList();
	}

}
