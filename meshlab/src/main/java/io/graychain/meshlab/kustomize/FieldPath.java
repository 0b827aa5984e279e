package io.graychain.meshlab.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A replacement's field path: {@code spec.template.metadata.labels.version}; a segment in brackets
 * may hold dots ({@code metadata.annotations.[example.com/x]}) or pick a list element by a field
 * ({@code containers.[name=app].image}); a number picks a list element by position.
 */
record FieldPath(String text, List<String> segments) {

	static FieldPath parse(String text) {
		List<String> segments = new ArrayList<>();
		StringBuilder segment = new StringBuilder();
		int depth = 0;
		for (char c : text.toCharArray()) {
			if (c == '[') {
				depth++;
			}
			else if (c == ']') {
				depth--;
			}
			if (c == '.' && depth == 0) {
				segments.add(segment.toString());
				segment.setLength(0);
			}
			else {
				segment.append(c);
			}
		}
		segments.add(segment.toString());
		if (depth != 0 || segments.stream().anyMatch(s -> s.isEmpty() || s.equals("*"))) {
			throw new ManifestException("field path '" + text + "' cannot be read (wildcards are not supported)");
		}
		return new FieldPath(text, List.copyOf(segments));
	}

	/** The node at this path, if every step exists. */
	Optional<JsonNode> find(JsonNode root) {
		JsonNode node = root;
		for (String segment : segments) {
			node = step(node, segment, false);
			if (node == null) {
				return Optional.empty();
			}
		}
		return Optional.of(node);
	}

	/** Sets the value at this path; missing mappings are created when {@code create}, else nothing changes. */
	boolean set(ObjectNode root, JsonNode value, boolean create) {
		JsonNode node = root;
		for (String segment : segments.subList(0, segments.size() - 1)) {
			node = step(node, segment, create);
			if (node == null) {
				return false;
			}
		}
		String last = segments.get(segments.size() - 1);
		if (last.startsWith("[") && last.endsWith("]") && !last.contains("=")) {
			last = last.substring(1, last.length() - 1);
		}
		if (node instanceof ObjectNode object && !last.startsWith("[") && (create || object.has(last))) {
			object.set(last, value);
			return true;
		}
		if (node instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
			array.set(Integer.parseInt(last), value);
			return true;
		}
		return false;
	}

	private static JsonNode step(JsonNode node, String segment, boolean create) {
		if (segment.startsWith("[") && segment.endsWith("]")) {
			String inner = segment.substring(1, segment.length() - 1);
			int equals = inner.indexOf('=');
			if (equals < 0) {
				return node instanceof ObjectNode object ? child(object, inner, create) : null;
			}
			String key = inner.substring(0, equals);
			String value = inner.substring(equals + 1);
			if (node instanceof ArrayNode array) {
				for (JsonNode element : array) {
					if (value.equals(element.path(key).asText(null))) {
						return element;
					}
				}
			}
			return null;
		}
		if (node instanceof ArrayNode array && segment.matches("\\d+")) {
			int index = Integer.parseInt(segment);
			return index < array.size() ? array.get(index) : null;
		}
		return node instanceof ObjectNode object ? child(object, segment, create) : null;
	}

	private static JsonNode child(ObjectNode object, String name, boolean create) {
		JsonNode child = object.get(name);
		if (child == null && create) {
			return object.putObject(name);
		}
		return child;
	}

	@Override
	public String toString() {
		return text;
	}

}
