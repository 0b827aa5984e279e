package io.graychain.meshlab.mesh;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One typed resource and the file it was read from.
 *
 * @param object the fabric8 model instance
 * @param file the file (or rendered source) it came from, used in findings
 */
public record Resource(HasMetadata object, String file) {

	public String kind() {
		return object.getKind();
	}

	public String name() {
		return object.getMetadata().getName();
	}

	/** The resource's namespace, or {@code defaultNamespace} when the YAML names none. */
	public String namespace(String defaultNamespace) {
		String namespace = object.getMetadata().getNamespace();
		return namespace == null || namespace.isBlank() ? defaultNamespace : namespace;
	}

	/** True when both describe the same object: same kind, namespace and name (any API version). */
	public boolean sameObject(Resource other, String defaultNamespace) {
		return kind().equals(other.kind()) && name().equals(other.name())
				&& namespace(defaultNamespace).equals(other.namespace(defaultNamespace));
	}

}
