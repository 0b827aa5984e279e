package io.graychain.meshlab.kustomize;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Typed resources read from rendered YAML, in document order.
 *
 * @param resources every resource, each an instance of its fabric8 model class
 */
public record Manifests(List<HasMetadata> resources) {

	public Manifests {
		resources = List.copyOf(resources);
	}

	/** Every resource of one model class, e.g. {@code all(Deployment.class)}. */
	public <T extends HasMetadata> List<T> all(Class<T> type) {
		return resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** The resource of one model class with this name, if there is one. */
	public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
		return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
	}

	/** The resource of one model class with this name; fails naming what is missing. */
	public <T extends HasMetadata> T get(Class<T> type, String name) {
		return find(type, name).orElseThrow(
				() -> new ManifestException("no " + type.getSimpleName() + " named '" + name + "'"));
	}

}
