package io.graychain.meshlab.kustomize;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The resources a build has gathered so far, in the order they came; no two may share an id. */
final class Resources {

	private final List<ObjectNode> all = new ArrayList<>();

	List<ObjectNode> all() {
		return List.copyOf(all);
	}

	void add(ObjectNode resource, String where) {
		ResourceId id = ResourceId.of(resource);
		if (id.kind().isEmpty() || id.name().isEmpty()) {
			throw new ManifestException(where + ": a resource needs a kind and metadata.name");
		}
		if (all.stream().map(ResourceId::of).anyMatch(id::equals)) {
			throw new ManifestException(where + ": " + id + " is already in the build (from another resource)");
		}
		all.add(resource);
	}

	void addAll(Resources other, String where) {
		other.all.forEach(resource -> add(resource, where));
	}

	void remove(ObjectNode resource) {
		all.removeIf(r -> r == resource);
	}

}
