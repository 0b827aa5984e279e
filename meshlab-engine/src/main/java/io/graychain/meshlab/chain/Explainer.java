package io.graychain.meshlab.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.graychain.meshlab.mesh.Workload;
import io.graychain.meshlab.route.Decision;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.ResolvedRoute;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.route.RoutePolicy;
import io.graychain.meshlab.route.Source;
import io.graychain.meshlab.route.WeightedDestination;

/** Follows a request down the call graph, keeping every proxy's decision and its trace. */
public final class Explainer {

	private static final int MAX_DEPTH = 10;

	private final RouteEngine engine;

	private final CallGraph calls;

	public Explainer(RouteEngine engine, CallGraph calls) {
		this.engine = engine;
		this.calls = calls;
	}

	/** The explanation of {@code request} sent from {@code source} ({@code from} names it: gateway or a workload). */
	public Explanation explain(HttpRequest request, Source source, String from) {
		List<ExplainedHop> hops = new ArrayList<>();
		walk(request, source, from, -1, 0, hops);
		return new Explanation(hops);
	}

	private int walk(HttpRequest request, Source source, String from, int parent, int depth, List<ExplainedHop> hops) {
		Decision decision = engine.decide(request, source);
		int id = hops.size();
		hops.add(null);
		List<ExplainedHop.Destination> destinations = new ArrayList<>();
		if (decision.outcome() == Decision.Outcome.ROUTED) {
			for (WeightedDestination d : decision.destinations()) {
				List<Integer> below = new ArrayList<>();
				if (d.available() && depth < MAX_DEPTH) {
					// the app the pods run (a Gateway API backend is a per-version Service such as appa-v2)
					String app = d.workload().labels().getOrDefault("app", d.service());
					HttpRequest received = decision.forwarded() == null ? request : decision.forwarded();
					Optional<HttpRequest> next = calls.downstream(app, d.version(), received);
					next.ifPresent(n -> below.add(walk(n, Source.workload(d.workload()), d.workload().name(), id, depth + 1, hops)));
				}
				Workload w = d.workload();
				destinations.add(new ExplainedHop.Destination(d.service(), d.subset(), w == null ? "" : w.name(),
						w == null ? "" : w.labels().getOrDefault("app", ""), d.version(), d.share(), d.available() ? 200 : d.failStatus(),
						below, d.trafficPolicy().describe()));
			}
		}
		hops.set(id, new ExplainedHop(id, parent, from, request.host(), pathAndQuery(request), decision.virtualHost(),
				decision.status(), decision.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'), decision.reason(),
				rule(decision), decision.passedOver().stream().map(p -> new ExplainedHop.Passed(p.where(), p.reason())).toList(), destinations,
				policy(decision)));
		return id;
	}

	/**
	 * The deciding route's policy; a route that sets nothing beyond Istio's defaults shows the one
	 * line of the retries Istio gives it anyway.
	 */
	private static List<String> policy(Decision decision) {
		RoutePolicy policy = decision.policy();
		if (decision.outcome() != Decision.Outcome.ROUTED) {
			return List.of();
		}
		return policy.isPlain() ? List.of(policy.retriesLine()) : policy.describe();
	}

	private static ExplainedHop.RuleRef rule(Decision decision) {
		ResolvedRoute r = decision.route();
		if (r == null) {
			Decision.RuleRef ref = decision.ruleRef();
			return ref == null ? null
					: new ExplainedHop.RuleRef(ref.kind(), ref.namespace(), ref.name(), ref.rule(), ref.ruleName(), "", ref.match());
		}
		return new ExplainedHop.RuleRef("VirtualService", r.root().namespace(), r.root().name(), r.index(), r.name(),
				r.rule() == r.root() ? "" : r.rule().name(), decision.matchIndex());
	}

	private static String pathAndQuery(HttpRequest request) {
		if (request.query().isEmpty()) {
			return request.path();
		}
		StringBuilder out = new StringBuilder(request.path()).append('?');
		request.query().forEach((k, v) -> out.append(out.charAt(out.length() - 1) == '?' ? "" : "&").append(k).append('=').append(v));
		return out.toString();
	}

}
