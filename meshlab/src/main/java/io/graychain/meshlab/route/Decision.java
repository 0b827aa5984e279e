package io.graychain.meshlab.route;

import java.util.List;
import java.util.Optional;

/**
 * What the proxy does with one request.
 *
 * @param outcome routed, or why not
 * @param reason which rule and route decided, readable
 * @param destinations the weighted destinations; their shares add up to 1 when routed
 */
public record Decision(Outcome outcome, String reason, List<WeightedDestination> destinations) {

	/** How a request fares at the proxy. */
	public enum Outcome {
		/** Sent to the destinations. */
		ROUTED,
		/** A VirtualService covers the host, but none of its routes matches: HTTP 404. */
		NO_ROUTE,
		/** The host is no Service and no rule covers it: HTTP 404 at a gateway, a DNS error in the mesh. */
		UNKNOWN_HOST
	}

	public Decision {
		destinations = List.copyOf(destinations);
	}

	static Decision routed(String reason, List<WeightedDestination> destinations) {
		return new Decision(Outcome.ROUTED, reason, destinations);
	}

	static Decision refused(Outcome outcome, String reason) {
		return new Decision(outcome, reason, List.of());
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
