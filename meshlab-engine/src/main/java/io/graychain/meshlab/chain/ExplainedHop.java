package io.graychain.meshlab.chain;

import java.util.List;

import io.graychain.meshlab.route.Share;

/**
 * One proxy's decision in an explanation: who sent the request, which rule and route decided, the
 * routes passed over and why, and where it went.
 *
 * @param id the hop's position in {@link Explanation#hops()}
 * @param parent the hop whose destination sent this request, or -1 for the entry hop
 * @param from {@code gateway} or the sending workload (Deployment)
 * @param host the Host header
 * @param path the path and query
 * @param virtualHost the Envoy virtual host the Host selected, or empty
 * @param status 200 when routed to pods, else what the proxy answers (404, 503, ...)
 * @param outcome {@code routed}, {@code no-route}, {@code unknown-host} or {@code unsupported}
 * @param reason the engine's reason, readable
 * @param rule the rule and route that decided, or null
 * @param passedOver routes looked at first, each with the first condition that failed
 * @param destinations where the request goes
 * @param policy the deciding route's fault, timeout, retries and mirrors, one readable line each
 */
public record ExplainedHop(int id, int parent, String from, String host, String path, String virtualHost, int status,
		String outcome, String reason, RuleRef rule, List<Passed> passedOver, List<Destination> destinations, List<String> policy) {

	public ExplainedHop {
		policy = List.copyOf(policy);
		passedOver = List.copyOf(passedOver);
		destinations = List.copyOf(destinations);
	}

	/** The hops below every destination. */
	public List<Integer> calls() {
		return destinations.stream().flatMap(d -> d.calls().stream()).toList();
	}

	/**
	 * The rule and route that decided.
	 *
	 * @param kind {@code VirtualService}
	 * @param namespace the root VirtualService's namespace
	 * @param name the root VirtualService bound to the host
	 * @param route the route's index in the VirtualService it is written in
	 * @param routeName the route's name as Istio names it (delegate routes: root-delegate), or empty
	 * @param delegate the delegate VirtualService the route is written in, or empty
	 * @param match the match entry that matched, or -1 when the route has none
	 */
	public record RuleRef(String kind, String namespace, String name, int route, String routeName, String delegate,
			int match) {
	}

	/**
	 * A route passed over.
	 *
	 * @param rule {@code appa/spec.http[0] (jason)}
	 * @param reason the first condition that failed, on what value
	 */
	public record Passed(String rule, String reason) {
	}

	/**
	 * One destination of the hop: the pods of one workload.
	 *
	 * @param service the Service (or the host as written when it is none)
	 * @param subset the subset, or empty
	 * @param workload the Deployment whose pods answer, or empty when none does (503)
	 * @param app the pods' {@code app} label
	 * @param version the pods' {@code version} label
	 * @param share the share of this hop's requests
	 * @param status 200, or 503 when no pod answers
	 * @param calls the hops this destination's pods send (ids)
	 * @param trafficPolicy the DestinationRule's circuit breakers and outlier detection on this cluster
	 *        (host or subset), one readable line each; empty when Istio's defaults apply
	 */
	public record Destination(String service, String subset, String workload, String app, String version, Share share,
			int status, List<Integer> calls, List<String> trafficPolicy) {

		public Destination {
			calls = List.copyOf(calls);
			trafficPolicy = trafficPolicy == null ? List.of() : List.copyOf(trafficPolicy);
		}

		public Destination(String service, String subset, String workload, String app, String version, Share share,
				int status, List<Integer> calls) {
			this(service, subset, workload, app, version, share, status, calls, List.of());
		}

	}

}
