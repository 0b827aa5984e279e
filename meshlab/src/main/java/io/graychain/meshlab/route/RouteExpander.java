package io.graychain.meshlab.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.istio.api.api.networking.v1alpha3.Delegate;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * A root VirtualService's routes in evaluation order, each {@code delegate} replaced by the delegate's
 * routes (one level only) with merged matches. A delegate that is missing, has hosts, delegates
 * again, or whose matches all conflict with the root contributes nothing, as in Istio.
 */
public final class RouteExpander {

	private final MeshConfig config;

	public RouteExpander(MeshConfig config) {
		this.config = config;
	}

	public List<ResolvedRoute> routes(VirtualServiceDef root) {
		List<ResolvedRoute> routes = new ArrayList<>();
		List<HTTPRoute> http = root.http();
		for (int i = 0; i < http.size(); i++) {
			HTTPRoute route = http.get(i);
			List<HTTPMatchRequest> matches = nonNull(route.getMatch());
			if (route.getDelegate() == null) {
				routes.add(new ResolvedRoute(root, root, i, route, matches));
			}
			else {
				delegate(root, route.getDelegate()).filter(RouteExpander::usable)
					.ifPresent(d -> addDelegated(routes, root, route, d));
			}
		}
		return routes;
	}

	/** The VirtualService a {@code delegate} names (its namespace defaults to the root's). */
	public Optional<VirtualServiceDef> delegate(VirtualServiceDef root, Delegate delegate) {
		String namespace = delegate.getNamespace() == null || delegate.getNamespace().isBlank() ? root.namespace()
				: delegate.getNamespace();
		return config.virtualServices().stream()
			.filter(vs -> vs.name().equals(delegate.getName()) && vs.namespace().equals(namespace))
			.findFirst();
	}

	/** A delegate Istio accepts: no hosts and no further delegation. */
	public static boolean usable(VirtualServiceDef delegate) {
		return delegate.isDelegate() && delegate.http().stream().allMatch(r -> r.getDelegate() == null);
	}

	private static void addDelegated(List<ResolvedRoute> routes, VirtualServiceDef root, HTTPRoute rootRoute,
			VirtualServiceDef delegate) {
		List<HTTPMatchRequest> rootMatches = nonNull(rootRoute.getMatch());
		List<HTTPRoute> http = delegate.http();
		for (int j = 0; j < http.size(); j++) {
			HTTPRoute leaf = http.get(j);
			int index = j;
			MatchMerger.merge(rootMatches, nonNull(leaf.getMatch()))
				.ifPresent(merged -> routes.add(new ResolvedRoute(root, delegate, index, leaf, merged, rootRoute)));
		}
	}

	private static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}

}
