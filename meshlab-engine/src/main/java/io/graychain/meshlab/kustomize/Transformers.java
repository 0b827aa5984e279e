package io.graychain.meshlab.kustomize;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code namespace} and {@code images} fields of a kustomization, as kustomize applies them. */
final class Transformers {

	/** Kinds that live outside namespaces (kustomize's list, the ones a demo suite may meet). */
	private static final Set<String> CLUSTER_SCOPED = Set.of("APIService", "CSIDriver", "CSINode",
			"CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding", "ClusterTrustBundle", "ComponentStatus",
			"CustomResourceDefinition", "DeviceClass", "FlowSchema", "IngressClass", "MutatingWebhookConfiguration",
			"Namespace", "Node", "PersistentVolume", "PriorityClass", "PriorityLevelConfiguration", "RuntimeClass",
			"StorageClass", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
			"ValidatingWebhookConfiguration", "VolumeAttachment");

	private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");

	private Transformers() {
	}

	/** Sets the namespace of every namespaced resource, and renames a v1 Namespace to it. */
	static void namespace(String namespace, Resources resources, String where) {
		for (ObjectNode resource : resources.all()) {
			ResourceId id = ResourceId.of(resource);
			if (id.kind().endsWith("RoleBinding")) {
				throw new ManifestException(where + ": namespace for " + id + " (subjects) not supported by the lab's kustomize");
			}
			ObjectNode metadata = resource.with("metadata");
			if (id.kind().equals("Namespace") && id.group().isEmpty() && id.version().equals("v1")) {
				metadata.put("name", namespace);
			}
			else if (!CLUSTER_SCOPED.contains(id.kind())) {
				metadata.put("namespace", namespace);
			}
		}
	}

	/** Rewrites container images by the {@code images} entries (newName, newTag, digest). */
	static void images(List<JsonNode> entries, Resources resources, String where) {
		for (JsonNode entry : entries) {
			Supported.only(entry, IMAGE_FIELDS, where + " images");
			entry.fields().forEachRemaining(field -> {
				if (!field.getValue().isTextual()) {
					throw new ManifestException(where + ": images " + field.getKey() + " must be a string, not "
							+ field.getValue() + " (quote it)");
				}
			});
			resources.all().forEach(resource -> images(resource, entry));
		}
	}

	private static void images(JsonNode node, JsonNode entry) {
		if (node instanceof ObjectNode object) {
			object.fields().forEachRemaining(field -> {
				boolean containers = field.getKey().equals("containers") || field.getKey().equals("initContainers");
				if (containers && field.getValue().isArray()) {
					field.getValue().forEach(container -> {
						if (container instanceof ObjectNode c && c.path("image").isTextual()) {
							c.put("image", ImageName.parse(c.get("image").asText()).rewrite(entry));
						}
					});
				}
				images(field.getValue(), entry);
			});
		}
		else if (node.isArray()) {
			node.forEach(element -> images(element, entry));
		}
	}

	/** An image reference split as kustomize splits it: {@code name[:tag][@digest]}. */
	record ImageName(String name, String tag, String digest) {

		static ImageName parse(String image) {
			String digest = "";
			int at = image.indexOf('@');
			if (at >= 0) {
				digest = image.substring(at + 1);
				image = image.substring(0, at);
			}
			int colon = image.lastIndexOf(':');
			if (colon > image.lastIndexOf('/')) {
				return new ImageName(image.substring(0, colon), image.substring(colon + 1), digest);
			}
			return new ImageName(image, "", digest);
		}

		String rewrite(JsonNode entry) {
			if (!name.equals(entry.path("name").asText())) {
				return toString();
			}
			String newName = entry.path("newName").asText(name);
			String newTag = entry.path("newTag").asText("");
			String newDigest = entry.path("digest").asText("");
			if (!newTag.isEmpty() || !newDigest.isEmpty()) {
				return new ImageName(newName, newTag, newDigest).toString();
			}
			return new ImageName(newName, tag, digest).toString();
		}

		@Override
		public String toString() {
			return name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
		}

	}

}
