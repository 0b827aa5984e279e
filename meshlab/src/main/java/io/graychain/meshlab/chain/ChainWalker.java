package io.graychain.meshlab.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.graychain.meshlab.mesh.Workload;
import io.graychain.meshlab.route.Decision;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.route.Share;
import io.graychain.meshlab.route.Source;
import io.graychain.meshlab.route.WeightedDestination;

/**
 * Follows a request down the call graph, hop by hop, combining each hop's routing decision into
 * the exact share of every full chain.
 */
public final class ChainWalker {

	private static final int MAX_DEPTH = 10;

	private final RouteEngine engine;

	private final CallGraph calls;

	public ChainWalker(RouteEngine engine, CallGraph calls) {
		this.engine = engine;
		this.calls = calls;
	}

	/** Every chain the request can take from {@code source}, with exact shares. */
	public ChainShares walk(HttpRequest request, Source source) {
		Map<Chain, Share> shares = new LinkedHashMap<>();
		walk(request, source, new Chain(List.of()), Share.ALL, shares);
		return new ChainShares(shares, versions());
	}

	private void walk(HttpRequest request, Source source, Chain above, Share share, Map<Chain, Share> out) {
		Decision decision = engine.decide(request, source);
		if (decision.outcome() != Decision.Outcome.ROUTED || decision.destinations().isEmpty()) {
			String status = decision.outcome() == Decision.Outcome.UNKNOWN_HOST ? "unreachable" : String.valueOf(decision.status());
			out.merge(above.then(new Hop(hostName(request), status)), share, Share::plus);
			return;
		}
		for (WeightedDestination d : decision.destinations()) {
			Share reached = share.times(d.share());
			if (!d.available()) {
				out.merge(above.then(new Hop(d.service(), "503")), reached, Share::plus);
				continue;
			}
			Chain chain = above.then(new Hop(d.service(), d.version()));
			Optional<HttpRequest> next = calls.downstream(d.service(), d.version(), request);
			if (next.isEmpty() || chain.hops().size() >= MAX_DEPTH) {
				out.merge(chain, reached, Share::plus);
			}
			else {
				walk(next.get(), Source.workload(d.workload()), chain, reached, out);
			}
		}
	}

	private Map<String, Set<String>> versions() {
		return engine.config().workloads().stream()
			.filter(w -> w.labels().containsKey("app"))
			.collect(Collectors.groupingBy(w -> w.labels().get("app"),
					Collectors.mapping(Workload::version, Collectors.toCollection(TreeSet::new))));
	}

	private static String hostName(HttpRequest request) {
		String host = request.host();
		int end = host.indexOf(':') >= 0 ? host.indexOf(':') : host.length();
		return host.substring(0, end).split("\\.")[0];
	}

}
