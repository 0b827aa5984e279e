package io.graychain.meshlab.mesh;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;

/**
 * An Istio Gateway (any version).
 *
 * @param name its name
 * @param namespace its namespace
 * @param spec the shared spec
 * @param file where it was read
 */
public record GatewayDef(String name, String namespace, Gateway spec, String file) {

	/** The labels of the gateway's pods: its selector, e.g. {@code istio: ingressgateway}. */
	public Map<String, String> podLabels() {
		return spec.getSelector() == null ? Map.of() : spec.getSelector();
	}

	/** True when one of the gateway's servers accepts {@code host}. */
	public boolean accepts(String host) {
		List<Server> servers = VirtualServiceDef.nonNull(spec.getServers());
		return servers.stream()
			.flatMap(s -> VirtualServiceDef.nonNull(s.getHosts()).stream())
			.filter(Objects::nonNull)
			.map(h -> h.contains("/") ? h.substring(h.indexOf('/') + 1) : h)
			.anyMatch(h -> HostNames.covers(HostNames.qualify(h, namespace), host));
	}

}
