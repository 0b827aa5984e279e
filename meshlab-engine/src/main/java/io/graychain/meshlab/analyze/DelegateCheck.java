package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;
import io.graychain.meshlab.route.MatchMerger;
import io.graychain.meshlab.route.RouteExpander;

/**
 * A {@code delegate} names an existing VirtualService that has no hosts and delegates no further,
 * the route sets nothing else, and each delegate route's matches stay within the root's.
 */
final class DelegateCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		RouteExpander expander = new RouteExpander(config);
		List<Finding> findings = new ArrayList<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			RouteVisitor.routes(vs, (route, field) -> {
				if (route.getDelegate() != null) {
					problem(expander, vs, route).ifPresent(message -> findings
						.add(RouteVisitor.finding(Finding.Code.BROKEN_DELEGATE, vs, field + ".delegate", message)));
				}
			});
		}
		return findings;
	}

	private static Optional<String> problem(RouteExpander expander, VirtualServiceDef root, HTTPRoute route) {
		String name = route.getDelegate().getName();
		if (root.isDelegate()) {
			return Optional.of("a delegate cannot delegate again (one level only)");
		}
		if (route.getRoute() != null && !route.getRoute().isEmpty() || route.getRedirect() != null) {
			return Optional.of("a route with a delegate cannot also set route or redirect");
		}
		Optional<VirtualServiceDef> delegate = expander.delegate(root, route.getDelegate());
		if (delegate.isEmpty()) {
			return Optional.of("no VirtualService '" + name + "' to delegate to");
		}
		if (!delegate.get().isDelegate()) {
			return Optional.of("delegate '" + name + "' has hosts; a delegate must have none");
		}
		if (!RouteExpander.usable(delegate.get())) {
			return Optional.of("delegate '" + name + "' delegates again; only one level is supported");
		}
		List<HTTPMatchRequest> rootMatches = route.getMatch() == null ? List.of() : route.getMatch();
		for (int i = 0; i < delegate.get().http().size(); i++) {
			HTTPRoute leaf = delegate.get().http().get(i);
			if (MatchMerger.merge(rootMatches, leaf.getMatch() == null ? List.of() : leaf.getMatch()).isEmpty()) {
				return Optional.of("delegate '" + name + "' spec.http[" + i + "] matches outside the root's match and is ignored");
			}
		}
		return Optional.empty();
	}

}
