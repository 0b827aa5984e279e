package io.graychain.meshlab.mesh;

import java.util.List;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;

/**
 * A VirtualService of any {@code networking.istio.io} version, reduced to its (shared) spec.
 *
 * @param name its name
 * @param namespace its namespace
 * @param spec the spec, the same model for v1, v1beta1 and v1alpha3
 * @param file where it was read
 */
public record VirtualServiceDef(String name, String namespace, VirtualService spec, String file) {

	/** The hosts, qualified in this rule's namespace. */
	public List<String> qualifiedHosts() {
		return hosts().stream().map(h -> HostNames.ruleHost(h, namespace)).toList();
	}

	public List<String> hosts() {
		return nonNull(spec.getHosts());
	}

	/** The gateways as written; empty means {@code mesh} only. */
	public List<String> gateways() {
		return nonNull(spec.getGateways());
	}

	public List<HTTPRoute> http() {
		return nonNull(spec.getHttp());
	}

	/** True for a delegate: a VirtualService without hosts, used from a root's {@code delegate}. */
	public boolean isDelegate() {
		return hosts().isEmpty();
	}

	/** True when the rule applies to sidecar traffic: no gateways, or {@code mesh} among them. */
	public boolean boundToMesh() {
		return gateways().isEmpty() || gateways().contains(Gateways.MESH);
	}

	static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}

}
