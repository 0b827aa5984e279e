package io.graychain.meshlab.lab.observe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.LongSupplier;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.proxy.ExchangeListener;
import io.graychain.meshlab.lab.proxy.ProxyExchange;
import io.graychain.meshlab.lab.proxy.Router;

/**
 * The versioned app graph of what the lab's proxies carried, as Kiali draws it: the ingress gateway
 * and each service's versions as nodes, an edge per caller and callee with its request rate (over the
 * last {@link #WINDOW_MILLIS} ms), its share of the caller's requests and its error share (5xx or no
 * reply) since the last {@link #clear()}; mirrored copies on edges of their own. And the whole chains:
 * the hops of one request (one {@code x-request-id}) in the order they started, tallied, and those
 * that crossed lanes ({@link ChainLine#crossed}).
 */
public final class TrafficGraph implements ExchangeListener {

	/** The rate is over this many last milliseconds. */
	static final long WINDOW_MILLIS = 10_000;

	/** At most this many requests wait for their gateway hop to finish (older ones are dropped). */
	static final int PENDING_CHAINS = 10_000;

	/** The node of the ingress gateway. */
	public static final String GATEWAY = "gateway";

	private final LongSupplier clock;

	private final Supplier<Set<String>> lanes;

	private final Map<Edge, Counts> edges = new ConcurrentHashMap<>();

	private final Map<String, List<Hop>> pending = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> chains = new ConcurrentHashMap<>();

	private final Map<String, Boolean> crossedChains = new ConcurrentHashMap<>();

	/**
	 * @param clock milliseconds now
	 * @param lanes the services that run more than one version
	 */
	public TrafficGraph(LongSupplier clock, Supplier<Set<String>> lanes) {
		this.clock = clock;
		this.lanes = lanes;
	}

	/** From caller node to callee node; {@code mirrored} for mirrored copies. */
	public record Edge(String from, String to, boolean mirrored) {
	}

	/** A node: {@code service:version} (or {@link #GATEWAY}), in its service's group. */
	public record Node(String id, String service, String version) {
	}

	/** An edge as the page draws it. */
	public record EdgeView(String from, String to, boolean mirrored, long requests, long errors, double perSecond,
			double share, double errorShare) {
	}

	/** A chain and how often it was seen. */
	public record ChainCount(String chain, long count, boolean crossed) {
	}

	/** Everything the page shows of the traffic. */
	public record View(List<Node> nodes, List<EdgeView> edges, List<ChainCount> chains, long wholeChains,
			long crossedChains) {
	}

	private static final class Counts {

		final AtomicLong requests = new AtomicLong();

		final AtomicLong errors = new AtomicLong();

		final Deque<Long> recent = new ConcurrentLinkedDeque<>();

	}

	private record Hop(long startedNanos, String text) {
	}

	@Override
	public void completed(ProxyExchange exchange) {
		boolean gateway = Router.GATEWAY.equals(exchange.reporterProxy());
		String from = gateway ? GATEWAY : node(exchange.source().app(), exchange.source().version());
		String to = target(exchange);
		Counts counts = edges.computeIfAbsent(new Edge(from, to, exchange.mirrored()), e -> new Counts());
		counts.requests.incrementAndGet();
		if (failed(exchange.status())) {
			counts.errors.incrementAndGet();
		}
		long now = clock.getAsLong();
		counts.recent.addLast(now);
		trim(counts, now);
		if (!exchange.mirrored()) {
			chain(exchange, gateway);
		}
	}

	private void chain(ProxyExchange exchange, boolean gateway) {
		String id = exchange.requestId();
		if (id == null || id.isEmpty()) {
			return;
		}
		Hop hop = new Hop(exchange.startedNanos(), hop(exchange));
		if (!gateway) {
			if (pending.size() >= PENDING_CHAINS) {
				pending.clear();
			}
			pending.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(hop);
			return;
		}
		List<Hop> hops = new ArrayList<>(List.of(hop));
		List<Hop> inner = pending.remove(id);
		if (inner != null) {
			synchronized (inner) {
				hops.addAll(inner);
			}
		}
		hops.sort(Comparator.comparingLong(Hop::startedNanos));
		String text = exchange.upstreamPod().isEmpty() ? "HTTP " + exchange.status()
				: String.join(" > ", hops.stream().map(Hop::text).toList());
		chains.computeIfAbsent(text, k -> new AtomicLong()).incrementAndGet();
		crossedChains.computeIfAbsent(text, k -> new ChainLine(k).crossed(lanes.get()));
	}

	/** {@code appb:v2}, or {@code appb:!503} for a hop that failed. */
	private static String hop(ProxyExchange exchange) {
		String service = exchange.destination().app().equals("unknown") ? exchange.service().name() : exchange.destination().app();
		return failed(exchange.status()) ? service + ":!" + exchange.status() : service + ":" + exchange.destination().version();
	}

	private static String target(ProxyExchange exchange) {
		if (!"unknown".equals(exchange.destination().workload())) {
			return node(exchange.destination().app(), exchange.destination().version());
		}
		return "unknown".equals(exchange.service().name()) ? "no route" : node(exchange.service().name(), "no pod");
	}

	private static String node(String app, String version) {
		return app + ":" + version;
	}

	private static boolean failed(int status) {
		return status >= 500 || status == 0;
	}

	private void trim(Counts counts, long now) {
		Long oldest;
		while ((oldest = counts.recent.peekFirst()) != null && oldest <= now - WINDOW_MILLIS) {
			counts.recent.pollFirst();
		}
	}

	/** Forgets what was counted: a new scenario starts a new picture. */
	public void clear() {
		edges.clear();
		pending.clear();
		chains.clear();
		crossedChains.clear();
	}

	/** The graph and the chains, now. */
	public View view() {
		long now = clock.getAsLong();
		Map<Edge, long[]> snapshot = new LinkedHashMap<>();
		edges.forEach((edge, counts) -> {
			trim(counts, now);
			snapshot.put(edge, new long[] { counts.requests.get(), counts.errors.get(), counts.recent.size() });
		});
		Map<String, Long> byCaller = new TreeMap<>();
		snapshot.forEach((edge, c) -> {
			if (!edge.mirrored()) {
				byCaller.merge(edge.from(), c[0], Long::sum);
			}
		});
		Map<String, Node> nodes = new TreeMap<>();
		List<EdgeView> views = new ArrayList<>();
		snapshot.forEach((edge, c) -> {
			nodes.computeIfAbsent(edge.from(), TrafficGraph::nodeOf);
			nodes.computeIfAbsent(edge.to(), TrafficGraph::nodeOf);
			long callerTotal = byCaller.getOrDefault(edge.from(), 0L);
			double share = edge.mirrored() || callerTotal == 0 ? 0 : 100.0 * c[0] / callerTotal;
			views.add(new EdgeView(edge.from(), edge.to(), edge.mirrored(), c[0], c[1], c[2] * 1000.0 / WINDOW_MILLIS,
					share, c[0] == 0 ? 0 : 100.0 * c[1] / c[0]));
		});
		views.sort(Comparator.comparing(EdgeView::from).thenComparing(EdgeView::to).thenComparing(EdgeView::mirrored));
		List<ChainCount> tally = chains.entrySet().stream()
			.map(e -> new ChainCount(e.getKey(), e.getValue().get(), crossedChains.getOrDefault(e.getKey(), false)))
			.sorted(Comparator.comparingLong(ChainCount::count).reversed().thenComparing(ChainCount::chain))
			.toList();
		long whole = tally.stream().filter(c -> new ChainLine(c.chain()).complete()).mapToLong(ChainCount::count).sum();
		long crossed = tally.stream().filter(ChainCount::crossed).mapToLong(ChainCount::count).sum();
		return new View(List.copyOf(nodes.values()), views, tally, whole, crossed);
	}

	private static Node nodeOf(String id) {
		int colon = id.indexOf(':');
		return colon < 0 ? new Node(id, id, "") : new Node(id, id.substring(0, colon), id.substring(colon + 1));
	}

}
