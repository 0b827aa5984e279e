package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/** No route follows a catch-all route (no match, or a match entry that sets nothing): it could never match. */
final class RouteOrderCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			String[] catchAll = {null};
			RouteVisitor.routes(vs, (route, field) -> {
				if (catchAll[0] != null) {
					findings.add(RouteVisitor.finding(Finding.Code.UNREACHABLE_ROUTE, vs, field,
							"route can never match: the catch-all " + catchAll[0] + " before it takes every request"));
				}
				else if (isCatchAll(route)) {
					catchAll[0] = field;
				}
			});
		}
		return findings;
	}

	static boolean isCatchAll(HTTPRoute route) {
		return route.getMatch() == null || route.getMatch().isEmpty()
				|| route.getMatch().stream().anyMatch(RouteOrderCheck::setsNothing);
	}

	private static boolean setsNothing(HTTPMatchRequest m) {
		return m.getUri() == null && m.getScheme() == null && m.getMethod() == null && m.getAuthority() == null
				&& empty(m.getHeaders()) && empty(m.getQueryParams()) && empty(m.getWithoutHeaders())
				&& empty(m.getSourceLabels()) && (m.getGateways() == null || m.getGateways().isEmpty())
				&& m.getPort() == null && m.getSourceNamespace() == null;
	}

	private static boolean empty(java.util.Map<?, ?> map) {
		return map == null || map.isEmpty();
	}

}
