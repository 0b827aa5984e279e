package io.graychain.meshlab.manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small typed schema of a custom resource: the paths of the fields a manifest may set, each with its
 * type, written down from the project's CRD (see {@link CrdFields}). {@code a.b[]} is an element of the
 * list {@code a.b}; {@code a.*} is any key of the map {@code a}. A field the schema does not list, a
 * value of the wrong type, or a required field left out is a violation.
 */
final class CrdSchema {

	/** The type of a leaf field, as the CRD's OpenAPI schema gives it. */
	sealed interface Type permits Scalar, OneOf {

		boolean accepts(JsonNode value);

	}

	enum Scalar implements Type {

		STRING, INTEGER, NUMBER, BOOLEAN,
		/** {@code x-kubernetes-int-or-string} */
		INT_OR_STRING;

		@Override
		public boolean accepts(JsonNode value) {
			return switch (this) {
				case STRING -> value.isTextual();
				case INTEGER -> value.isIntegralNumber();
				case NUMBER -> value.isNumber();
				case BOOLEAN -> value.isBoolean();
				case INT_OR_STRING -> value.isIntegralNumber() || value.isTextual();
			};
		}

	}

	/** A string from an {@code enum}. */
	record OneOf(Set<String> values) implements Type {

		@Override
		public boolean accepts(JsonNode value) {
			return value.isTextual() && values.contains(value.textValue());
		}

		@Override
		public String toString() {
			return "one of " + values.stream().sorted().toList();
		}

	}

	private final String kind;

	private final Map<String, Type> leaves = new LinkedHashMap<>();

	private final List<String> required = new ArrayList<>();

	private CrdSchema(String kind) {
		this.kind = kind;
	}

	/** A schema for {@code kind}, with the ObjectMeta fields every resource may set. */
	static CrdSchema of(String kind) {
		return new CrdSchema(kind).field("apiVersion", Scalar.STRING)
			.field("kind", Scalar.STRING)
			.field("metadata.name", Scalar.STRING)
			.field("metadata.namespace", Scalar.STRING)
			.field("metadata.labels.*", Scalar.STRING)
			.field("metadata.annotations.*", Scalar.STRING);
	}

	CrdSchema field(String path, Type type) {
		leaves.put(path, type);
		return this;
	}

	/** A field the CRD lists under its parent's {@code required}. */
	CrdSchema required(String path, Type type) {
		required.add(path);
		return field(path, type);
	}

	/** A required field that is an object or a list (its own fields are listed on their own). */
	CrdSchema required(String path) {
		required.add(path);
		return this;
	}

	String kind() {
		return kind;
	}

	/** Every violation in {@code resource}, one line each; empty when it conforms. */
	List<String> violations(JsonNode resource) {
		List<String> found = new ArrayList<>();
		walk(resource, "", found);
		return found;
	}

	private void walk(JsonNode node, String path, List<String> found) {
		if (node.isObject()) {
			if (!path.isEmpty() && leaves.containsKey(path)) {
				found.add(kind + " " + path + ": an object where the CRD has " + leaves.get(path));
				return;
			}
			if (!path.isEmpty() && isList(path)) {
				found.add(kind + " " + path + ": an object where the CRD has a list");
				return;
			}
			checkRequired(node, path, found);
			node.properties().forEach(field -> {
				String child = child(path, field.getKey());
				if (child == null) {
					found.add(kind + " " + join(path, field.getKey()) + ": not a field of the CRD");
				}
				else {
					walk(field.getValue(), child, found);
				}
			});
		}
		else if (node.isArray()) {
			String element = path + "[]";
			if (!isList(path)) {
				found.add(kind + " " + path + ": a list where the CRD has " + describe(path));
				return;
			}
			node.forEach(item -> walk(item, element, found));
		}
		else {
			Type type = leaves.get(path);
			if (type == null) {
				found.add(kind + " " + path + ": a value (" + node + ") where the CRD has " + describe(path));
			}
			else if (!type.accepts(node)) {
				found.add(kind + " " + path + ": " + node + " is not " + type);
			}
		}
	}

	private void checkRequired(JsonNode object, String path, List<String> found) {
		for (String field : required) {
			int dot = field.lastIndexOf('.');
			String parent = dot < 0 ? "" : field.substring(0, dot);
			String name = field.substring(dot + 1);
			if (parent.equals(path) && !object.has(name)) {
				found.add(kind + " " + field + ": required by the CRD, missing");
			}
		}
	}

	/** The schema path of {@code field} under {@code path}: the field itself, or the map's {@code *}. */
	private String child(String path, String field) {
		String named = join(path, field);
		if (declares(named)) {
			return named;
		}
		String any = join(path, "*");
		return declares(any) ? any : null;
	}

	private boolean declares(String path) {
		return leaves.keySet().stream().anyMatch(p -> p.equals(path) || p.startsWith(path + ".")
				|| p.startsWith(path + "[]")) || required.contains(path);
	}

	private boolean isList(String path) {
		return leaves.keySet().stream().anyMatch(p -> p.startsWith(path + "[]"))
				|| required.stream().anyMatch(p -> p.startsWith(path + "[]"));
	}

	private String describe(String path) {
		return leaves.containsKey(path) ? leaves.get(path).toString() : isList(path) ? "a list" : "an object";
	}

	private static String join(String path, String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

}
