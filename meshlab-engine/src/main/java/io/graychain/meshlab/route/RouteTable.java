package io.graychain.meshlab.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * The Envoy routes one VirtualService gives one proxy (istio/istio
 * pilot/pkg/networking/core/route/route.go BuildHTTPRoutesForVirtualService): one per match entry,
 * in order; entries whose source ({@code gateways}, {@code sourceLabels}, {@code sourceNamespace},
 * {@code port}) is not this proxy's left out; nothing after the first catch-all route.
 *
 * @param rule the VirtualService
 * @param routes the routes this proxy has
 * @param leftOut the routes it does not have, with why
 */
record RouteTable(VirtualServiceDef rule, List<EnvoyRoute> routes, List<PassedOver> leftOut) {

	static RouteTable build(VirtualServiceDef rule, RouteExpander expander, Source source, int listenPort) {
		List<EnvoyRoute> routes = new ArrayList<>();
		List<PassedOver> leftOut = new ArrayList<>();
		String catchAll = null;
		for (ResolvedRoute route : expander.expand(rule, leftOut)) {
			if (catchAll != null) {
				leftOut.add(new PassedOver(route, -1, "never reached: " + catchAll + " before it matches every request"));
				continue;
			}
			List<HTTPMatchRequest> matches = route.matches();
			for (int i = 0; i < Math.max(1, matches.size()) && catchAll == null; i++) {
				HTTPMatchRequest match = matches.isEmpty() ? null : matches.get(i);
				EnvoyRoute envoy = new EnvoyRoute(route, matches.isEmpty() ? -1 : i, match);
				Optional<String> elsewhere = MatchEvaluator.sourceFailure(match, source, route.rule().namespace(), listenPort);
				if (elsewhere.isPresent()) {
					leftOut.add(new PassedOver(route, envoy.matchIndex(), "not on this proxy: " + elsewhere.get()));
					continue;
				}
				routes.add(envoy);
				if (envoy.catchAll()) {
					catchAll = envoy.describe();
				}
			}
		}
		return new RouteTable(rule, routes, leftOut);
	}

	boolean isEmpty() {
		return routes.isEmpty();
	}

}
