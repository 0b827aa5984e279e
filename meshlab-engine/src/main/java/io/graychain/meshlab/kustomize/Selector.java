package io.graychain.meshlab.kustomize;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;

/**
 * Which resources a patch or replacement applies to, as kustomize reads a {@code target} or
 * {@code select}: group, version, kind, name and namespace are, in a patch target, regular
 * expressions (RE2, as in Go) that must match the whole value, and in a replacement exact values;
 * {@code labelSelector} and {@code annotationSelector} are Kubernetes selectors. A field left out
 * matches everything.
 */
final class Selector {

	private static final Set<String> FIELDS = Set.of("group", "version", "kind", "name", "namespace", "labelSelector",
			"annotationSelector");

	private final Map<String, Pattern> patterns;

	private final Optional<LabelSelector> labels;

	private final Optional<LabelSelector> annotations;

	private final String text;

	private Selector(Map<String, Pattern> patterns, Optional<LabelSelector> labels,
			Optional<LabelSelector> annotations, String text) {
		this.patterns = patterns;
		this.labels = labels;
		this.annotations = annotations;
		this.text = text;
	}

	/** A patch target: names are regular expressions. A missing node selects everything. */
	static Selector patchTarget(JsonNode node, String where) {
		return of(node, where, true);
	}

	/** A replacement's source, select or reject: names are exact. A missing node selects everything. */
	static Selector exact(JsonNode node, String where) {
		return of(node, where, false);
	}

	private static Selector of(JsonNode node, String where, boolean regex) {
		if (node.isMissingNode() || node.isNull()) {
			return new Selector(Map.of(), Optional.empty(), Optional.empty(), "everything");
		}
		Supported.only(node, FIELDS, where);
		Map<String, Pattern> patterns = new java.util.LinkedHashMap<>();
		for (String field : List.of("group", "version", "kind", "name", "namespace")) {
			String value = node.path(field).asText("");
			if (!value.isEmpty()) {
				patterns.put(field, Pattern.compile("^(?:" + (regex ? value : Pattern.quote(value)) + ")$"));
			}
		}
		return new Selector(patterns, selector(node, "labelSelector"), selector(node, "annotationSelector"),
				node.toString());
	}

	private static Optional<LabelSelector> selector(JsonNode node, String field) {
		String value = node.path(field).asText("");
		return value.isBlank() ? Optional.empty() : Optional.of(LabelSelector.parse(value));
	}

	boolean matches(ObjectNode resource) {
		ResourceId id = ResourceId.of(resource);
		Map<String, String> values = Map.of("group", id.group(), "version", id.version(), "kind", id.kind(), "name",
				id.name(), "namespace", id.namespace());
		return patterns.entrySet().stream().allMatch(e -> e.getValue().matches(values.get(e.getKey())))
				&& labels.map(l -> l.matches(stringMap(resource.path("metadata").path("labels")))).orElse(true)
				&& annotations.map(a -> a.matches(stringMap(resource.path("metadata").path("annotations")))).orElse(true);
	}

	private static Map<String, String> stringMap(JsonNode node) {
		Map<String, String> map = new java.util.HashMap<>();
		node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
		return map;
	}

	@Override
	public String toString() {
		return text;
	}

}
