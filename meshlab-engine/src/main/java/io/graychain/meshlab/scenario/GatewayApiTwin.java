package io.graychain.meshlab.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.graychain.meshlab.mesh.HostNames;
import io.graychain.meshlab.mesh.HttpRouteDef;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.Resource;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * A scenario's Gateway API twin applied as its README says: instead of the Istio rules, not on top
 * of them. The twin's resources are applied, then the VirtualServices for the hosts its HTTPRoutes
 * route are removed (the gateway hostnames, the Services mesh routes attach to), so that one kind
 * of rule decides each host.
 */
public final class GatewayApiTwin {

	private GatewayApiTwin() {
	}

	/** {@code config} with {@code twin} applied and the VirtualServices it replaces removed. */
	public static MeshConfig apply(MeshConfig config, List<Resource> twin) {
		MeshConfig applied = config.apply(twin);
		Set<String> routed = new HashSet<>();
		for (HttpRouteDef route : applied.httpRoutesByCreation()) {
			routed.addAll(route.hostnames());
			route.parentRefs().stream().filter(p -> "Service".equals(p.getKind()))
				.forEach(p -> routed.add(HostNames.fqdn(p.getName(), p.getNamespace() == null ? route.namespace() : p.getNamespace())));
		}
		List<String> replaced = applied.virtualServices().stream()
			.filter(vs -> vs.qualifiedHosts().stream().anyMatch(routed::contains))
			.map(VirtualServiceDef::name)
			.toList();
		return applied.without(r -> "VirtualService".equals(r.kind()) && replaced.contains(r.name()));
	}

}
