package io.graychain.meshlab.lab.observe;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.graychain.meshlab.lab.proxy.ProxyExchange;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Peer;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Service;
import io.graychain.meshlab.lab.observe.TrafficGraph.EdgeView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The versioned graph and the chains, from the exchanges the proxies report. */
class TrafficGraphTest {

	private static final Peer GATEWAY = new Peer("istio-ingressgateway", "istio-system", "istio-ingressgateway", "unknown");

	private final AtomicLong now = new AtomicLong(100_000);

	private final TrafficGraph graph = new TrafficGraph(now::get, () -> Set.of("appa", "appb"));

	private static Peer peer(String app, String version) {
		return new Peer(app + "-" + version, "graychain", app, version);
	}

	private static ProxyExchange exchange(String proxy, Peer source, Peer destination, int status, boolean mirrored,
			String id, long started) {
		return new ProxyExchange(proxy, source, destination, new Service(destination.app(), "graychain"), status, "-", "http",
				1, destination.workload() + "-0", mirrored, id, started);
	}

	@Test
	void edgesCarryTheirShareOfTheCallersRequestsTheirErrorsAndTheirRate() {
		for (int i = 0; i < 3; i++) {
			graph.completed(exchange("gateway", GATEWAY, peer("product", "v1"), 200, false, "a" + i, i));
		}
		graph.completed(exchange("gateway", GATEWAY, peer("product", "v2"), 503, false, "b", 9));
		graph.completed(exchange("gateway", GATEWAY, peer("product", "v2"), 200, true, "c", 10));

		TrafficGraph.View view = graph.view();
		assertThat(view.edges()).extracting(EdgeView::from, EdgeView::to, EdgeView::mirrored, EdgeView::share,
				EdgeView::errorShare)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("gateway", "product:v1", false, 75.0, 0.0),
					org.assertj.core.groups.Tuple.tuple("gateway", "product:v2", false, 25.0, 100.0),
					org.assertj.core.groups.Tuple.tuple("gateway", "product:v2", true, 0.0, 0.0));
		assertThat(view.edges().get(0).perSecond()).isEqualTo(3 * 1000.0 / TrafficGraph.WINDOW_MILLIS);
		now.addAndGet(TrafficGraph.WINDOW_MILLIS);
		assertThat(graph.view().edges().get(0).perSecond()).isZero();
		assertThat(graph.view().edges().get(0).requests()).isEqualTo(3);
	}

	@Test
	void theHopsOfOneRequestMakeAChainFlaggedWhenItCrossesLanes() {
		graph.completed(exchange("appa-v2", peer("appa", "v2"), peer("appb", "v1"), 200, false, "x", 2));
		graph.completed(exchange("gateway", GATEWAY, peer("appa", "v2"), 200, false, "x", 1));
		graph.completed(exchange("appa-v1", peer("appa", "v1"), peer("appb", "v1"), 200, false, "y", 4));
		graph.completed(exchange("gateway", GATEWAY, peer("appa", "v1"), 200, false, "y", 3));

		TrafficGraph.View view = graph.view();
		assertThat(view.chains()).extracting(TrafficGraph.ChainCount::chain, TrafficGraph.ChainCount::crossed)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("appa:v2 > appb:v1", true),
					org.assertj.core.groups.Tuple.tuple("appa:v1 > appb:v1", false));
		assertThat(view.crossedChains()).isEqualTo(1);
		assertThat(view.wholeChains()).isEqualTo(2);
		graph.clear();
		assertThat(graph.view().chains()).isEmpty();
	}

}
