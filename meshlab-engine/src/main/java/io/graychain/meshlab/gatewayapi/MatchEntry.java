package io.graychain.meshlab.gatewayapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.graychain.meshlab.mesh.HttpRouteDef;
import io.graychain.meshlab.route.Decision;

/**
 * One match of one rule of one HTTPRoute: the unit the precedence orders (a rule without matches is
 * one match, {@code PathPrefix /}).
 *
 * @param route the HTTPRoute
 * @param ruleIndex the rule's index in {@code spec.rules}
 * @param matchIndex the match's index in the rule's {@code matches}, or -1 when the rule has none
 * @param match the match ({@code PathPrefix /} when the rule has none)
 */
record MatchEntry(HttpRouteDef route, int ruleIndex, int matchIndex, HTTPRouteMatch match) {

	/**
	 * The Gateway API precedence across the rules of all routes for a host: an Exact path first, then
	 * the longest PathPrefix, then a method match, then the most header matches, then the most query
	 * parameter matches; ties keep the order of the input (oldest route first, then
	 * {@code namespace/name}, then rule and match order). The specification leaves RegularExpression
	 * paths to the implementation: Istio ranks Exact over PathPrefix over RegularExpression, each by
	 * its length (istio/istio pilot/pkg/config/kube/gateway/conversion.go sortHTTPRoutes, getURIRank,
	 * getURILength; gateway-api apis/v1/httproute_types.go HTTPRouteRule.Matches).
	 */
	static final Comparator<MatchEntry> PRECEDENCE = Comparator.comparingInt((MatchEntry e) -> -rank(e.match))
		.thenComparingInt(e -> -HttpRouteMatcher.pathValue(e.match.getPath()).length())
		.thenComparingInt(e -> e.match.getMethod() == null ? 1 : 0)
		.thenComparingInt(e -> -HttpRouteMatcher.nonNull(e.match.getHeaders()).size())
		.thenComparingInt(e -> -HttpRouteMatcher.nonNull(e.match.getQueryParams()).size());

	/** Every match of every rule of {@code routes} (given oldest first), in precedence order. */
	static List<MatchEntry> ordered(List<HttpRouteDef> routes) {
		List<MatchEntry> out = new ArrayList<>();
		for (HttpRouteDef route : routes) {
			List<HTTPRouteRule> rules = route.rules();
			for (int r = 0; r < rules.size(); r++) {
				List<HTTPRouteMatch> matches = HttpRouteMatcher.nonNull(rules.get(r).getMatches());
				if (matches.isEmpty()) {
					out.add(new MatchEntry(route, r, -1, new HTTPRouteMatch()));
				}
				for (int m = 0; m < matches.size(); m++) {
					out.add(new MatchEntry(route, r, m, matches.get(m)));
				}
			}
		}
		out.sort(PRECEDENCE);
		return out;
	}

	HTTPRouteRule rule() {
		return route.rules().get(ruleIndex);
	}

	Decision.RuleRef ref() {
		String name = rule().getName() == null ? "" : rule().getName();
		return new Decision.RuleRef("HTTPRoute", route.namespace(), route.name(), ruleIndex, name, matchIndex);
	}

	/** {@code HTTPRoute graychain/appa-gateway spec.rules[0].matches[1]}. */
	String describe() {
		return ref().describe();
	}

	private static int rank(HTTPRouteMatch match) {
		return switch (HttpRouteMatcher.pathType(match.getPath())) {
			case "Exact" -> 3;
			case "RegularExpression" -> 1;
			default -> 2;
		};
	}

}
