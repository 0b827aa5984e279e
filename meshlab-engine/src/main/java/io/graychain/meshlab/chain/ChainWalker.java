package io.graychain.meshlab.chain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.graychain.meshlab.mesh.Workload;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.route.Share;
import io.graychain.meshlab.route.Source;

/**
 * Follows a request down the call graph, hop by hop, combining each hop's routing decision into
 * the exact share of every full chain (the chains of {@link Explainer}'s explanation).
 */
public final class ChainWalker {

	private final RouteEngine engine;

	private final Explainer explainer;

	public ChainWalker(RouteEngine engine, CallGraph calls) {
		this.engine = engine;
		this.explainer = new Explainer(engine, calls);
	}

	/** Every chain the request can take from {@code source}, with exact shares. */
	public ChainShares walk(HttpRequest request, Source source) {
		Map<Chain, Share> shares = new LinkedHashMap<>();
		explainer.explain(request, source, source.toString()).chains().forEach((text, share) -> shares.merge(chain(text), share, Share::plus));
		return new ChainShares(shares, versions());
	}

	/** {@code appa:v2 > appb:v2} as hops. */
	private static Chain chain(String text) {
		return new Chain(Arrays.stream(text.split(" > ")).map(h -> {
			int colon = h.lastIndexOf(':');
			return new Hop(h.substring(0, colon), h.substring(colon + 1));
		}).toList());
	}

	private Map<String, Set<String>> versions() {
		return engine.config().workloads().stream()
			.filter(w -> w.labels().containsKey("app"))
			.collect(Collectors.groupingBy(w -> w.labels().get("app"),
					Collectors.mapping(Workload::version, Collectors.toCollection(TreeSet::new))));
	}

}
