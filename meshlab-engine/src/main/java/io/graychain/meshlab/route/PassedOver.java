package io.graychain.meshlab.route;

/**
 * A route that did not decide, and why: the first condition that failed and on what value, or why
 * the proxy does not have the route at all.
 *
 * @param route the route
 * @param matchIndex the match entry, or -1 when the route has none
 * @param reason e.g. {@code headers.end-user exact jason: header missing}
 * @param where the route as explain shows it, e.g. {@code appa/spec.http[0] (jason)} or
 *        {@code HTTPRoute graychain/appa-gateway spec.rules[0] match[1]}
 */
public record PassedOver(ResolvedRoute route, int matchIndex, String reason, String where) {

	/** A VirtualService route passed over. */
	public PassedOver(ResolvedRoute route, int matchIndex, String reason) {
		this(route, matchIndex, reason, route.describe() + (route.matches().size() > 1 ? " match[" + matchIndex + "]" : ""));
	}

	@Override
	public String toString() {
		return where + ": " + reason;
	}

}
