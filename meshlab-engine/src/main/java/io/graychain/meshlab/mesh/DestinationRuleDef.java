package io.graychain.meshlab.mesh;

import java.util.Map;
import java.util.Optional;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;

/**
 * A DestinationRule (any version).
 *
 * @param name its name
 * @param namespace its namespace
 * @param spec the shared spec
 * @param file where it was read
 */
public record DestinationRuleDef(String name, String namespace, DestinationRule spec, String file) {

	/** The host it configures, qualified in its namespace. */
	public String qualifiedHost() {
		return HostNames.ruleHost(spec.getHost() == null ? "" : spec.getHost(), namespace);
	}

	/** The labels of the named subset, if this rule defines it. */
	public Optional<Map<String, String>> subsetLabels(String subset) {
		return subset(subset)
			.map(Subset::getLabels)
			.map(labels -> labels == null ? Map.<String, String>of() : labels);
	}

	/** The named subset, if this rule defines it. */
	public Optional<Subset> subset(String name) {
		return VirtualServiceDef.nonNull(spec.getSubsets()).stream().filter(s -> name.equals(s.getName())).findFirst();
	}

}
