package io.graychain.meshlab.kustomize;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code patches} of a kustomization: strategic-merge patches, from a file ({@code path}) or
 * inline ({@code patch}), applied to the resources their {@code target} selects, or without a target
 * to the resource of the patch's own kind and name. A patch that is {@code $patch: delete} removes
 * what it selects. JSON 6902 patches and patch options are refused.
 */
final class Patches {

	private static final Set<String> FIELDS = Set.of("path", "patch", "target");

	private Patches() {
	}

	static void apply(Kustomization kustomization, Resources resources) {
		int index = 0;
		for (JsonNode entry : kustomization.patches()) {
			String where = Kustomization.fileOf(kustomization.dir()) + " patches[" + index++ + "]";
			Supported.only(entry, FIELDS, where);
			for (ObjectNode patch : documents(kustomization.dir(), entry, where)) {
				apply(patch, entry.path("target"), resources, where);
			}
		}
	}

	private static List<ObjectNode> documents(Path dir, JsonNode entry, String where) {
		boolean inline = entry.hasNonNull("patch");
		if (inline == entry.hasNonNull("path")) {
			throw new ManifestException(where + ": give either 'path' or 'patch'");
		}
		String text = inline ? entry.get("patch").asText() : Sources.readInside(dir, entry.get("path").asText(), where);
		List<JsonNode> documents = Yaml.nodes(text, where);
		if (documents.stream().anyMatch(JsonNode::isArray)) {
			throw new ManifestException(where + ": JSON 6902 patches (a list of operations) are not supported by the lab's"
					+ " kustomize; write a strategic-merge patch");
		}
		return Yaml.documents(text, where);
	}

	private static void apply(ObjectNode patch, JsonNode target, Resources resources, String where) {
		List<ObjectNode> selected;
		if (target.isMissingNode() || target.isNull()) {
			ResourceId id = ResourceId.of(patch);
			selected = resources.all().stream()
				.filter(r -> ResourceId.of(r).kind().equals(id.kind()) && ResourceId.of(r).name().equals(id.name()))
				.toList();
			if (selected.isEmpty()) {
				throw new ManifestException(where + ": no resource matches the patch's " + id.kind() + " " + id.name());
			}
		}
		else {
			Selector selector = Selector.patchTarget(target, where + " target");
			selected = resources.all().stream().filter(selector::matches).toList();
		}
		if ("delete".equals(patch.path("$patch").asText())) {
			selected.forEach(resources::remove);
			return;
		}
		selected.forEach(resource -> StrategicMerge.apply(resource, patch, where));
	}

}
