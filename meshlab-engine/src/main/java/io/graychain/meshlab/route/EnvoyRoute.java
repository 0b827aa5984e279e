package io.graychain.meshlab.route;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;

/**
 * One Envoy route: an {@code http} route with one of its match entries, as Istio translates a
 * route into one Envoy route per match entry (istio/istio pilot/pkg/networking/core/route/route.go
 * BuildHTTPRoutesForVirtualService).
 *
 * @param route the route in force
 * @param matchIndex the match entry, or -1 when the route has none
 * @param match the match entry, or null when the route has none
 */
public record EnvoyRoute(ResolvedRoute route, int matchIndex, HTTPMatchRequest match) {

	/**
	 * True when it matches every request: path prefix {@code /} (or regex {@code .*}, or no uri) and
	 * no header (method, authority and scheme are headers) or query parameter condition
	 * (route.go IsCatchAllRoute).
	 */
	public boolean catchAll() {
		if (match == null) {
			return true;
		}
		boolean anyPath = match.getUri() == null || match.getUri().getMatchType() instanceof StringMatchPrefix p
				&& "/".equals(p.getPrefix()) || match.getUri().getMatchType() instanceof StringMatchRegex r && ".*".equals(r.getRegex());
		return anyPath && empty(match.getHeaders()) && empty(match.getWithoutHeaders()) && empty(match.getQueryParams())
				&& match.getMethod() == null && match.getAuthority() == null && match.getScheme() == null;
	}

	/** {@code appa/spec.http[1] (name)}, with {@code match[i]} when the route has several match entries. */
	public String describe() {
		return route.describe() + (route.matches().size() > 1 ? " match[" + matchIndex + "]" : "");
	}

	private static boolean empty(java.util.Map<?, ?> map) {
		return map == null || map.isEmpty();
	}

}
