package io.graychain.meshlab.kustomize;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What identifies a resource in a kustomize build: group, version, kind, namespace and name. Two
 * resources with the same id may not meet in one build.
 */
record ResourceId(String group, String version, String kind, String namespace, String name) {

	/** kustomize's legacy output order: these kinds first, in this order, ... */
	private static final List<String> FIRST = List.of("Namespace", "ResourceQuota", "StorageClass",
			"CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding",
			"ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass", "PersistentVolume",
			"PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget");

	/** ... these last, every other kind between them, ordered by group, version and kind;
	 * then by namespace (none last) and name. */
	private static final List<String> LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

	/** The order {@code kubectl kustomize} prints resources in (its default, "legacy" sort). */
	static final Comparator<ResourceId> LEGACY_ORDER = Comparator.comparingInt(ResourceId::kindRank)
		.thenComparing(ResourceId::gvk)
		.thenComparing(id -> id.namespace.isEmpty() ? "~X" : id.namespace)
		.thenComparing(ResourceId::name);

	static ResourceId of(ObjectNode resource) {
		String apiVersion = resource.path("apiVersion").asText("");
		int slash = apiVersion.lastIndexOf('/');
		return new ResourceId(slash < 0 ? "" : apiVersion.substring(0, slash), apiVersion.substring(slash + 1),
				resource.path("kind").asText(""), resource.path("metadata").path("namespace").asText(""),
				resource.path("metadata").path("name").asText(""));
	}

	private int kindRank() {
		int first = FIRST.indexOf(kind);
		if (first >= 0) {
			return first - FIRST.size();
		}
		int last = LAST.indexOf(kind);
		return last >= 0 ? 1 + last : 0;
	}

	private String gvk() {
		return (group.isEmpty() ? "~G" : group) + "_" + (version.isEmpty() ? "~V" : version) + "_"
				+ (kind.isEmpty() ? "~K" : kind);
	}

	@Override
	public String toString() {
		return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
	}

}
