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

	/**
	 * The one port of this Gateway the lab serves (on its own loopback port, printed by
	 * {@code scripts/lab up}): 80 when an HTTP listener is on it (Istio's default HTTP port), else the
	 * lowest port of an HTTP listener, else 80. Routes attached only to listeners on other ports are
	 * not served there, and the trace says so.
	 */
	public int servedPort() {
		List<Integer> http = listeners().stream().filter(l -> "HTTP".equals(l.getProtocol()) && l.getPort() != null)
			.map(Listener::getPort).sorted().toList();
		return http.isEmpty() || http.contains(80) ? 80 : http.get(0);
	}

}
