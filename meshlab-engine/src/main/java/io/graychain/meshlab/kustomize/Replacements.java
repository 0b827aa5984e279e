package io.graychain.meshlab.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The {@code replacements} of a kustomization: a value read from one resource ({@code source}) is
 * written into fields of others ({@code targets}: {@code select}, {@code reject}, {@code fieldPaths},
 * {@code options} with {@code delimiter}, {@code index} and {@code create}), as kustomize does.
 */
final class Replacements {

	private static final Set<String> FIELDS = Set.of("source", "targets");

	private static final Set<String> OPTIONS = Set.of("delimiter", "index", "create");

	private Replacements() {
	}

	static void apply(Kustomization kustomization, Resources resources) {
		int index = 0;
		for (JsonNode replacement : kustomization.replacements()) {
			String where = Kustomization.fileOf(kustomization.dir()) + " replacements[" + index++ + "]";
			Supported.only(replacement, FIELDS, where);
			JsonNode value = sourceValue(replacement.path("source"), resources, where);
			for (JsonNode target : replacement.path("targets")) {
				Supported.only(target, Set.of("select", "reject", "fieldPaths", "options"), where + " target");
				apply(target, value, resources, where);
			}
		}
	}

	private static JsonNode sourceValue(JsonNode source, Resources resources, String where) {
		if (!source.isObject()) {
			throw new ManifestException(where + ": a replacement needs a source");
		}
		ObjectNode selector = ((ObjectNode) source).deepCopy();
		selector.remove(List.of("fieldPath", "options"));
		Selector select = Selector.exact(selector, where + " source");
		List<ObjectNode> found = resources.all().stream().filter(select::matches).toList();
		if (found.size() != 1) {
			throw new ManifestException(where + ": source " + select + " selects " + found.size() + " resources, not one");
		}
		FieldPath path = FieldPath.parse(source.path("fieldPath").asText("metadata.name"));
		JsonNode value = path.find(found.get(0)).filter(JsonNode::isValueNode).orElseThrow(() -> new ManifestException(
				where + ": source " + ResourceId.of(found.get(0)) + " has no value at " + path));
		JsonNode options = source.path("options");
		Supported.only(options, Set.of("delimiter", "index"), where + " source options");
		String delimiter = options.path("delimiter").asText("");
		if (delimiter.isEmpty()) {
			return value;
		}
		String[] parts = value.asText().split(java.util.regex.Pattern.quote(delimiter), -1);
		int index = options.path("index").asInt(0);
		if (index < 0 || index >= parts.length) {
			throw new ManifestException(where + ": source options index " + index + " is out of range for '" + value.asText() + "'");
		}
		return TextNode.valueOf(parts[index]);
	}

	private static void apply(JsonNode target, JsonNode value, Resources resources, String where) {
		Selector select = Selector.exact(target.path("select"), where + " select");
		List<Selector> rejects = new ArrayList<>();
		target.path("reject").forEach(r -> rejects.add(Selector.exact(r, where + " reject")));
		JsonNode options = target.path("options");
		Supported.only(options, OPTIONS, where + " options");
		for (ObjectNode resource : resources.all()) {
			if (!select.matches(resource) || rejects.stream().anyMatch(r -> r.matches(resource))) {
				continue;
			}
			for (JsonNode fieldPath : target.path("fieldPaths")) {
				FieldPath path = FieldPath.parse(fieldPath.asText());
				boolean create = options.path("create").asBoolean(false);
				if (!path.set(resource, valueFor(resource, path, value, options), create)) {
					throw new ManifestException(where + ": " + ResourceId.of(resource) + " has no field " + path
							+ (create ? " and it cannot be created there" : " (set options.create to add it)"));
				}
			}
		}
	}

	/** The value to write: the source value, or with a delimiter the target's value with one part replaced. */
	private static JsonNode valueFor(ObjectNode resource, FieldPath path, JsonNode value, JsonNode options) {
		String delimiter = options.path("delimiter").asText("");
		if (delimiter.isEmpty()) {
			return value.deepCopy();
		}
		String current = path.find(resource).map(JsonNode::asText).orElse("");
		List<String> parts = new ArrayList<>(List.of(current.split(java.util.regex.Pattern.quote(delimiter), -1)));
		int index = options.path("index").asInt(0);
		if (index < 0) {
			parts.add(0, value.asText());
		}
		else if (index >= parts.size()) {
			parts.add(value.asText());
		}
		else {
			parts.set(index, value.asText());
		}
		return TextNode.valueOf(String.join(delimiter, parts));
	}

}
