package io.graychain.meshlab.mesh;

import java.util.List;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;

/**
 * A Gateway API HTTPRoute ({@code gateway.networking.k8s.io/v1}).
 *
 * @param name its name
 * @param namespace its namespace
 * @param spec the spec as written
 * @param file where it was read
 */
public record HttpRouteDef(String name, String namespace, HTTPRouteSpec spec, String file) {

	public List<ParentReference> parentRefs() {
		return VirtualServiceDef.nonNull(spec.getParentRefs());
	}

	public List<String> hostnames() {
		return VirtualServiceDef.nonNull(spec.getHostnames()).stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
	}

	public List<HTTPRouteRule> rules() {
		return VirtualServiceDef.nonNull(spec.getRules());
	}

}
