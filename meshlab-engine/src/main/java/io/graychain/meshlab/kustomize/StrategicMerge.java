package io.graychain.meshlab.kustomize;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A strategic-merge patch, as kustomize applies one: mappings merge field by field, a {@code null}
 * removes a field, lists of containers, env vars, ports, volumes and volume mounts merge element by
 * element on their Kubernetes merge key (the patch's elements first, then the others, as kustomize
 * orders them), and any other list of a built-in kind is replaced. Lists of custom resources (no
 * schema) merge on the first key all their elements share ({@code name}, ...), as kustomize does. Patch directives
 * ({@code $patch}, {@code $retainKeys}, ...) are refused, except a whole-resource {@code $patch: delete},
 * which {@link Patches} handles.
 */
final class StrategicMerge {

	private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

	/** Merge keys inside a container, from the Kubernetes API (patchMergeKey). */
	private static final Map<String, String> CONTAINER_KEYS = Map.of("env", "name", "ports", "containerPort",
			"volumeMounts", "mountPath", "volumeDevices", "devicePath");

	/** Merge keys of a pod spec's lists, from the Kubernetes API (patchMergeKey). */
	private static final Map<String, String> POD_KEYS = Map.of("volumes", "name", "imagePullSecrets", "name",
			"hostAliases", "ip", "topologySpreadConstraints", "topologyKey");

	/** Marks a kind outside the built-in API groups, whose lists kustomize merges without schema. */
	private static final String CUSTOM = "custom:";

	/** Keys kustomize's merge falls back on for lists of mappings without schema, in this order. */
	private static final List<String> ASSOCIATIVE_KEYS = List.of("mountPath", "devicePath", "ip", "type", "topologyKey",
			"name", "containerPort");

	private StrategicMerge() {
	}

	/** Merges {@code patch} into {@code target} (changed in place); identity fields of the patch are ignored. */
	static void apply(ObjectNode target, ObjectNode patch, String where) {
		ObjectNode body = patch.deepCopy();
		body.remove(List.of("apiVersion", "kind"));
		if (body.get("metadata") instanceof ObjectNode metadata) {
			metadata.remove(List.of("name", "namespace"));
		}
		String kind = target.path("kind").asText();
		merge(target, body, "", builtIn(target) ? kind : CUSTOM + kind, where);
	}

	private static void merge(ObjectNode target, ObjectNode patch, String path, String kind, String where) {
		for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String name = field.getKey();
			if (name.startsWith("$")) {
				throw new ManifestException(where + ": patch directive '" + name + "' at '" + path
						+ "' not supported by the lab's kustomize");
			}
			JsonNode value = field.getValue();
			JsonNode current = target.get(name);
			String at = path.isEmpty() ? name : path + "." + name;
			if (value.isNull()) {
				target.remove(name);
			}
			else if (value instanceof ObjectNode map && current instanceof ObjectNode currentMap) {
				merge(currentMap, map, at, kind, where);
			}
			else if (value instanceof ArrayNode list && current instanceof ArrayNode currentList) {
				Optional<String> key = mergeKey(at, kind, currentList, list);
				target.set(name, key.isPresent() ? mergeLists(currentList, list, key.get(), at, kind, where) : clean(list));
			}
			else {
				target.set(name, clean(value));
			}
		}
	}

	/** Patch elements first, in the patch's order (merged into their match), then the target's others. */
	private static ArrayNode mergeLists(ArrayNode target, ArrayNode patch, String key, String path, String kind,
			String where) {
		ArrayNode merged = target.arrayNode();
		List<JsonNode> rest = new java.util.ArrayList<>();
		target.forEach(rest::add);
		for (JsonNode element : patch) {
			JsonNode id = element.get(key);
			Optional<JsonNode> match = rest.stream().filter(t -> id != null && id.equals(t.get(key))).findFirst();
			if (match.isPresent() && match.get() instanceof ObjectNode existing && element instanceof ObjectNode item) {
				rest.remove(existing);
				ObjectNode copy = existing.deepCopy();
				merge(copy, item, path + "[]", kind, where);
				merged.add(copy);
			}
			else {
				merged.add(clean(element));
			}
		}
		rest.forEach(merged::add);
		return merged;
	}

	/** The merge key of the list at {@code path}, if its elements merge rather than replace. */
	static Optional<String> mergeKey(String path, String kind, ArrayNode target, ArrayNode patch) {
		String[] parts = path.split("\\.");
		String field = parts[parts.length - 1];
		String parent = parts.length > 1 ? parts[parts.length - 2] : "";
		if (CONTAINER_LISTS.contains(field)) {
			return Optional.of("name");
		}
		if (CONTAINER_LISTS.stream().anyMatch(c -> parent.equals(c + "[]"))) {
			return Optional.ofNullable(CONTAINER_KEYS.get(field));
		}
		if (parent.equals("spec") && POD_KEYS.containsKey(field)) {
			return Optional.of(POD_KEYS.get(field));
		}
		if (kind.equals("Service") && path.equals("spec.ports")) {
			return Optional.of("port");
		}
		if (!kind.startsWith(CUSTOM)) {
			return Optional.empty();
		}
		return ASSOCIATIVE_KEYS.stream().filter(k -> allHave(target, k) && allHave(patch, k)).findFirst();
	}

	/** Kubernetes' own kinds (core group, {@code apps}, {@code *.k8s.io}, ...), whose schema kustomize knows. */
	private static boolean builtIn(ObjectNode resource) {
		String group = ResourceId.of(resource).group();
		return !group.contains(".") || group.endsWith(".k8s.io");
	}

	private static boolean allHave(ArrayNode list, String key) {
		if (list.isEmpty()) {
			return false;
		}
		for (JsonNode element : list) {
			if (!element.isObject() || !element.has(key)) {
				return false;
			}
		}
		return true;
	}

	/** A patch value as it lands in a resource: fields set to {@code null} in it are dropped. */
	private static JsonNode clean(JsonNode value) {
		JsonNode copy = value.deepCopy();
		strip(copy);
		return copy;
	}

	private static void strip(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.fieldNames().forEachRemaining(name -> {
				if (name.startsWith("$")) {
					throw new ManifestException("patch directive '" + name + "' not supported by the lab's kustomize");
				}
			});
			object.properties().removeIf(e -> e.getValue().isNull());
			object.forEach(StrategicMerge::strip);
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(StrategicMerge::strip);
		}
	}

}
