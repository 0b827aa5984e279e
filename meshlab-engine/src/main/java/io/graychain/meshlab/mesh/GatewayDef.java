package io.graychain.meshlab.mesh;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

	public List<Server> servers() {
		return VirtualServiceDef.nonNull(spec.getServers());
	}

	/** The first server one of whose hosts covers {@code host} (lower case, no port). */
	public Optional<Server> serverFor(String host) {
		return servers().stream().filter(s -> hosts(s).stream().anyMatch(h -> HostNames.covers(h, host))).findFirst();
	}

	/** True when one of the gateway's servers accepts {@code host}. */
	public boolean accepts(String host) {
		return serverFor(host).isPresent();
	}

	/** A server's hosts without their {@code namespace/} part, lower case. */
	public static List<String> hosts(Server server) {
		return VirtualServiceDef.nonNull(server.getHosts()).stream()
			.filter(Objects::nonNull)
			.map(h -> h.substring(h.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT))
			.toList();
	}

}
