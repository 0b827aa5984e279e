package io.graychain.meshlab.route;

/**
 * A route that did not decide, and why: the first condition that failed and on what value, or why
 * the proxy does not have the route at all.
 *
 * @param route the route
 * @param matchIndex the match entry, or -1 when the route has none
 * @param reason e.g. {@code headers.end-user exact jason: header missing}
 */
public record PassedOver(ResolvedRoute route, int matchIndex, String reason) {

	@Override
	public String toString() {
		return route.describe() + (route.matches().size() > 1 ? " match[" + matchIndex + "]" : "") + ": " + reason;
	}

}
