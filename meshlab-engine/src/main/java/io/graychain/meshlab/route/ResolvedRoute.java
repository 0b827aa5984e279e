package io.graychain.meshlab.route;

import java.util.List;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * One {@code http} route in force, after delegation.
 *
 * @param root the VirtualService bound to the host
 * @param rule the VirtualService the route is written in (the delegate, or the root itself)
 * @param index the route's position in {@code rule}'s {@code http} list
 * @param route the route
 * @param matches its matches, merged with the root's for a delegate route
 * @param rootRoute the root's route that delegates, or null when the route is the root's own
 */
public record ResolvedRoute(VirtualServiceDef root, VirtualServiceDef rule, int index, HTTPRoute route,
		List<HTTPMatchRequest> matches, HTTPRoute rootRoute) {

	public ResolvedRoute(VirtualServiceDef root, VirtualServiceDef rule, int index, HTTPRoute route,
			List<HTTPMatchRequest> matches) {
		this(root, rule, index, route, matches, null);
	}

	/** The field path of the route in its file, e.g. {@code spec.http[1]}. */
	public String field() {
		return "spec.http[" + index + "]";
	}

	/**
	 * The route's name as Istio names it: a delegate route is {@code <root route>-<delegate route>}
	 * (istio/istio pilot/pkg/model/virtualservice.go mergeHTTPRoute); empty when unnamed.
	 */
	public String name() {
		String own = route.getName() == null ? "" : route.getName();
		if (rootRoute == null || rootRoute.getName() == null || rootRoute.getName().isEmpty()) {
			return own;
		}
		return own.isEmpty() ? rootRoute.getName() : rootRoute.getName() + "-" + own;
	}

	/** A readable name: {@code appa/spec.http[0]} or {@code appa > appa-gateway-split/spec.http[1] (name)}. */
	public String describe() {
		String where = (rule == root ? root.name() : root.name() + " > " + rule.name()) + "/" + field();
		return name().isEmpty() ? where : where + " (" + name() + ")";
	}

}
