package io.graychain.meshlab.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The one check every part of the renderer makes: a field it does not implement is refused by name. */
final class Supported {

	private Supported() {
	}

	/** Fails naming every field of {@code node} outside {@code fields}; {@code where} names the node. */
	static void only(JsonNode node, Set<String> fields, String where) {
		List<String> unknown = new ArrayList<>();
		node.fieldNames().forEachRemaining(field -> {
			if (!fields.contains(field)) {
				unknown.add(field);
			}
		});
		if (!unknown.isEmpty()) {
			throw new ManifestException(where + ": " + unknown + " not supported by the lab's kustomize (it implements "
					+ fields.stream().sorted().toList() + " here); kubectl kustomize renders the rest");
		}
	}

}
