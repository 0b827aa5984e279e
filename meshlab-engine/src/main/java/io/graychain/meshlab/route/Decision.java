package io.graychain.meshlab.route;

import java.util.List;
import java.util.Optional;

/**
 * What the proxy does with one request, and why.
 *
 * @param outcome routed, or why not
 * @param reason which rule and route decided, readable
 * @param destinations the weighted destinations; their shares add up to 1 when routed
 * @param virtualHost the Envoy virtual host (domain) the Host header selected, or empty
 * @param route the route that decided, or null (no VirtualService, or no route matched)
 * @param matchIndex the match entry of {@code route} that matched, or -1 (none, or the route has no match)
 * @param passedOver the routes looked at before, each with the first condition that failed
 * @param ruleRef the rule that decided when it is no VirtualService route (a Gateway API HTTPRoute rule), or null
 * @param forwarded the request as the proxy sends it on when a filter changed it (headers, path), or null
 * @param rulePolicy the timeout, retries and mirrors of the Gateway API rule that decided ({@code ruleRef}), as
 *        Istio translates them, or null (a VirtualService route's policy is read from {@code route})
 */
public record Decision(Outcome outcome, String reason, List<WeightedDestination> destinations, String virtualHost,
		ResolvedRoute route, int matchIndex, List<PassedOver> passedOver, RuleRef ruleRef, HttpRequest forwarded,
		RoutePolicy rulePolicy) {

	/** How a request fares at the proxy. */
	public enum Outcome {
		/** Sent to the destinations. */
		ROUTED,
		/** A virtual host serves the host, but none of its routes matches: HTTP 404 (Envoy NR). */
		NO_ROUTE,
		/** No virtual host serves the host: HTTP 404 at a gateway, no such Service in the mesh. */
		UNKNOWN_HOST,
		/** The route does something the engine does not follow (named in the reason). */
		UNSUPPORTED,
		/**
		 * A Gateway API rule matched but none of its backends is valid (missing Service, all weights
		 * 0, no backendRefs): HTTP 500 (gateway-api apis/v1/httproute_types.go HTTPRouteRule.BackendRefs).
		 */
		INVALID_BACKEND
	}

	public Decision {
		destinations = List.copyOf(destinations);
		passedOver = List.copyOf(passedOver);
		virtualHost = virtualHost == null ? "" : virtualHost;
	}

	public Decision(Outcome outcome, String reason, List<WeightedDestination> destinations, String virtualHost,
			ResolvedRoute route, int matchIndex, List<PassedOver> passedOver) {
		this(outcome, reason, destinations, virtualHost, route, matchIndex, passedOver, null, null, null);
	}

	/** A decision by a Gateway API rule, without a policy of its own (not routed). */
	public Decision(Outcome outcome, String reason, List<WeightedDestination> destinations, String virtualHost,
			ResolvedRoute route, int matchIndex, List<PassedOver> passedOver, RuleRef ruleRef, HttpRequest forwarded) {
		this(outcome, reason, destinations, virtualHost, route, matchIndex, passedOver, ruleRef, forwarded, null);
	}

	public Decision(Outcome outcome, String reason, List<WeightedDestination> destinations) {
		this(outcome, reason, destinations, "", null, -1, List.of());
	}

	static Decision routed(String reason, List<WeightedDestination> destinations) {
		return new Decision(Outcome.ROUTED, reason, destinations);
	}

	/**
	 * The rule that decided, when it is no VirtualService route.
	 *
	 * @param kind e.g. {@code HTTPRoute}
	 * @param namespace its namespace
	 * @param name its name
	 * @param rule the rule's index in {@code spec.rules}
	 * @param ruleName the rule's name, or empty
	 * @param match the match entry that matched, or -1 when the rule has none
	 */
	public record RuleRef(String kind, String namespace, String name, int rule, String ruleName, int match) {

		/** {@code HTTPRoute graychain/appa-gateway spec.rules[0].matches[1] (name)}. */
		public String describe() {
			return kind + " " + namespace + "/" + name + " spec.rules[" + rule + "]" + (match < 0 ? "" : ".matches[" + match + "]")
					+ (ruleName.isEmpty() ? "" : " (" + ruleName + ")");
		}

	}

	static Decision refused(Outcome outcome, String reason) {
		return new Decision(outcome, reason, List.of());
	}

	/**
	 * The HTTP status the proxy answers with before any pod does: 200 when routed to pods, 503 when
	 * no destination has a pod (unknown subset, no endpoints: Envoy's "no healthy upstream"; 500 for an
 * invalid Gateway API backendRef), 404 when
	 * nothing routes the request (Envoy's NR), 501 for what the engine does not follow.
	 */
	public int status() {
		return switch (outcome) {
			case ROUTED -> destinations.stream().anyMatch(WeightedDestination::available) ? 200
					: destinations.stream().map(WeightedDestination::failStatus).findFirst().orElse(503);
			case NO_ROUTE, UNKNOWN_HOST -> 404;
			case UNSUPPORTED -> 501;
			case INVALID_BACKEND -> 500;
		};
	}

	/**
	 * The fault, timeout, retries and mirrors of the route (or Gateway API rule) that decided;
	 * without one (no rule, or not routed), Istio's default retries only.
	 */
	public RoutePolicy policy() {
		if (rulePolicy != null) {
			return rulePolicy;
		}
		return route == null ? RoutePolicy.NONE : RoutePolicy.of(route.route());
	}

	/**
	 * The destination for a uniform random number in [0, 1): destinations in order, each covering
	 * its share of the interval. Empty when the request is not routed.
	 */
	public Optional<WeightedDestination> pick(double random) {
		double upTo = 0;
		WeightedDestination last = null;
		for (WeightedDestination d : destinations) {
			if (d.share().isZero()) {
				continue;
			}
			upTo += d.share().toDouble();
			last = d;
			if (random < upTo) {
				return Optional.of(d);
			}
		}
		return Optional.ofNullable(last);
	}

}
