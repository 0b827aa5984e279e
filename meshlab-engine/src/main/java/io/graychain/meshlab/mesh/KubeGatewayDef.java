package io.graychain.meshlab.mesh;

import java.util.List;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewaySpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;

/**
 * A Gateway API Gateway ({@code gateway.networking.k8s.io/v1}); Istio deploys one gateway per Gateway.
 *
 * @param name its name
 * @param namespace its namespace
 * @param spec the spec as written
 * @param file where it was read
 */
public record KubeGatewayDef(String name, String namespace, GatewaySpec spec, String file) {

	public List<Listener> listeners() {
		return VirtualServiceDef.nonNull(spec.getListeners());
	}

}
