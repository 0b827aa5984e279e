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
 */
public record ResolvedRoute(VirtualServiceDef root, VirtualServiceDef rule, int index, HTTPRoute route,
		List<HTTPMatchRequest> matches) {

	/** The field path of the route in its file, e.g. {@code spec.http[1]}. */
	public String field() {
		return "spec.http[" + index + "]";
	}

	/** A readable name: {@code appa/spec.http[0]} or {@code appa > appa-gateway-split/spec.http[1] (name)}. */
	public String describe() {
		String where = (rule == root ? root.name() : root.name() + " > " + rule.name()) + "/" + field();
		return route.getName() == null ? where : where + " (" + route.getName() + ")";
	}

}
