package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;

import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * A gateway VirtualService with {@code hosts: ["*"]} beside VirtualServices with specific hosts on
 * the same gateway: Envoy picks the most specific virtual host, so the {@code *} rule never sees
 * their hosts, whichever was applied first, and a host whose own routes do not match gets 404
 * instead of falling through to {@code *} (envoy source/common/router/config_impl.cc
 * RouteMatcher::findVirtualHost).
 */
final class WildcardHostCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		List<VirtualServiceDef> bound = config.virtualServices().stream()
			.filter(vs -> !vs.isDelegate() && vs.gateways().stream().anyMatch(g -> !"mesh".equals(g)))
			.toList();
		for (VirtualServiceDef star : bound) {
			int index = star.hosts().indexOf("*");
			if (index < 0) {
				continue;
			}
			List<String> specific = new ArrayList<>();
			for (VirtualServiceDef other : bound) {
				if (other != star && other.gateways().stream().anyMatch(g -> !"mesh".equals(g) && star.gateways().contains(g))) {
					other.hosts().stream().filter(h -> !h.equals("*")).forEach(h -> specific.add(h + " (" + other.name() + ")"));
				}
			}
			if (!specific.isEmpty()) {
				findings.add(RouteVisitor.finding(Finding.Code.WILDCARD_BESIDE_SPECIFIC_HOSTS, star, "spec.hosts[" + index + "]",
						"'*' never sees " + String.join(", ", specific)
								+ ": the gateway picks the most specific host, and a host whose routes do not match answers 404,"
								+ " it does not fall through to '*'"));
			}
		}
		return findings;
	}

}
