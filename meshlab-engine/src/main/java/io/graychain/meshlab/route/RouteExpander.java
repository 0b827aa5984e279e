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
		return expand(root, new ArrayList<>());
	}

	/**
	 * The routes in force, and into {@code dropped} the routes Istio drops, with why: a delegate that
	 * is missing or unusable, a delegate route whose match lies outside the root's
	 * (istio/istio pilot/pkg/model/virtualservice_controller.go mergeVirtualServices,
	 * pilot/pkg/model/virtualservice.go mergeHTTPRoute).
	 */
	public List<ResolvedRoute> expand(VirtualServiceDef root, List<PassedOver> dropped) {
		List<ResolvedRoute> routes = new ArrayList<>();
		List<HTTPRoute> http = root.http();
		for (int i = 0; i < http.size(); i++) {
			HTTPRoute route = http.get(i);
			List<HTTPMatchRequest> matches = nonNull(route.getMatch());
			ResolvedRoute own = new ResolvedRoute(root, root, i, route, matches);
			if (route.getDelegate() == null) {
				routes.add(own);
				continue;
			}
			Optional<VirtualServiceDef> delegate = delegate(root, route.getDelegate());
			if (delegate.isEmpty() || !usable(delegate.get())) {
				dropped.add(new PassedOver(own, -1, "dropped: delegate '" + route.getDelegate().getName()
						+ (delegate.isEmpty() ? "' does not exist" : "' has hosts or delegates again")));
				continue;
			}
			List<HTTPRoute> leaves = delegate.get().http();
			for (int j = 0; j < leaves.size(); j++) {
				HTTPRoute leaf = leaves.get(j);
				int index = j;
				Optional<List<HTTPMatchRequest>> merged = MatchMerger.merge(matches, nonNull(leaf.getMatch()));
				merged.ifPresentOrElse(m -> routes.add(new ResolvedRoute(root, delegate.get(), index, leaf, m, route)),
						() -> dropped.add(new PassedOver(new ResolvedRoute(root, delegate.get(), index, leaf, nonNull(leaf.getMatch()), route),
								-1, "dropped: a match of the delegate route lies outside the root route's match")));
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

	private static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}

}
