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
			node = step(node, segment, Optional.empty());
			if (node == null) {
				return Optional.empty();
			}
		}
		return Optional.of(node);
	}

	/**
	 * Sets the value at this path. With {@code create}, what is missing is created as kustomize
	 * creates it: mappings, lists before a {@code [key=value]} segment, and that list's element.
	 * Without, nothing changes when a step is missing.
	 */
	boolean set(ObjectNode root, JsonNode value, boolean create) {
		JsonNode node = root;
		for (int i = 0; i < segments.size() - 1; i++) {
			node = step(node, segments.get(i), create ? Optional.of(segments.get(i + 1)) : Optional.empty());
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

	private static JsonNode step(JsonNode node, String segment, Optional<String> createBefore) {
		if (segment.startsWith("[") && segment.endsWith("]")) {
			String inner = segment.substring(1, segment.length() - 1);
			int equals = inner.indexOf('=');
			if (equals < 0) {
				return node instanceof ObjectNode object ? child(object, inner, createBefore) : null;
			}
			String key = inner.substring(0, equals);
			String value = inner.substring(equals + 1);
			if (!(node instanceof ArrayNode array)) {
				return null;
			}
			for (JsonNode element : array) {
				if (value.equals(element.path(key).asText(null))) {
					return element;
				}
			}
			return createBefore.isPresent() ? array.addObject().put(key, value) : null;
		}
		if (node instanceof ArrayNode array && segment.matches("\\d+")) {
			int index = Integer.parseInt(segment);
			return index < array.size() ? array.get(index) : null;
		}
		return node instanceof ObjectNode object ? child(object, segment, createBefore) : null;
	}

	/** The child {@code name}; created when missing and {@code next} is given: a list before a selector. */
	private static JsonNode child(ObjectNode object, String name, Optional<String> next) {
		JsonNode child = object.get(name);
		if (child != null || next.isEmpty()) {
			return child;
		}
		boolean list = next.get().matches("\\[[^=\\]]+=.*\\]");
		return list ? object.putArray(name) : object.putObject(name);
	}

	@Override
	public String toString() {
		return text;
	}

}
