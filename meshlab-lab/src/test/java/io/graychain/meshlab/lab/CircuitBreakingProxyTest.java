package io.graychain.meshlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.graychain.meshlab.lab.http.FakePod;
import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.RawHttp;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.lab.proxy.ExchangeListener;
import io.graychain.meshlab.lab.proxy.Forwarder;
import io.graychain.meshlab.lab.proxy.PoolLimits;
import io.graychain.meshlab.lab.proxy.ProxyExchange;
import io.graychain.meshlab.lab.proxy.ProxyServer;
import io.graychain.meshlab.lab.proxy.Router;
import io.graychain.meshlab.lab.proxy.UpstreamCluster;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.graychain.meshlab.lab.ProxyTest.PRODUCT_AT_GATEWAY;
import static io.graychain.meshlab.lab.ProxyTest.awaitTrue;
import static io.graychain.meshlab.testing.TrafficPolicies.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxies follow a DestinationRule's circuit breakers and outlier detection over fake pods on
 * loopback, counted rather than timed: a request past the connections and the pending requests is
 * Envoy's overflow (503, {@code x-envoy-overflow}, flag UO: envoy source/common/router/router.cc
 * onPoolFailure), a pod with consecutive errors is ejected and the balancer sends to the others,
 * and a cluster with no healthy pod is 503 {@code no healthy upstream} with flag UH.
 */
class CircuitBreakingProxyTest {

	private final LabThreads threads = LabThreads.start("breaker-test", 64);

	private final List<AutoCloseable> open = new ArrayList<>();

	private final List<ProxyExchange> exchanges = new java.util.concurrent.CopyOnWriteArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = open.size() - 1; i >= 0; i--) {
			open.get(i).close();
		}
		threads.close();
	}

	@Test
	void pastOneConnectionAndOnePendingRequestTheGatewayOverflowsAndLimitsFollowTheRules() throws Exception {
		FakePod product = pod("product-v2-0");
		EngineRouter router = new EngineRouter(Mesh.of(PRODUCT_AT_GATEWAY, file("product-one-connection.yaml")),
				Map.of("product-v2", List.of(product.endpoint())));
		ProxyServer gateway = proxy(Router.GATEWAY, router);
		ExecutorService clients = Executors.newFixedThreadPool(2);
		open.add(clients::shutdownNow);
		Future<RawHttp.Reply> first = clients.submit(() -> RawHttp.get(gateway.port(), "/hold", "product.graychain.local", ""));
		awaitTrue(() -> product.holding().get() == 1);
		Future<RawHttp.Reply> waiting = clients.submit(() -> RawHttp.get(gateway.port(), "/hold", "product.graychain.local", ""));
		awaitTrue(() -> counts(router, "product|v2")[1] == 1);

		RawHttp.Reply overflow = RawHttp.get(gateway.port(), "/", "product.graychain.local", "");
		assertThat(overflow.status()).isEqualTo(503);
		assertThat(overflow.hasHeader("x-envoy-overflow", "true")).isTrue();
		assertThat(overflow.body()).isEqualTo("upstream connect error or disconnect/reset before headers. reset reason: overflow\n");
		awaitTrue(() -> exchanges.stream().anyMatch(e -> e.status() == 503));
		assertThat(exchanges).filteredOn(e -> e.status() == 503).extracting(ProxyExchange::responseFlags).containsExactly("UO");
		assertThat(product.holding().get()).as("the pending request waits for the connection").isEqualTo(1);

		// the DestinationRule goes: Istio's unlimited thresholds, the waiting request gets its connection
		router.use(Mesh.of(PRODUCT_AT_GATEWAY));
		assertThat(RawHttp.get(gateway.port(), "/", "product.graychain.local", "").status()).isEqualTo(200);
		awaitTrue(() -> product.holding().get() == 2);
		product.release();
		assertThat(first.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(waiting.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(counts(router, "product|v2")).containsExactly(0, 0);
	}

	@Test
	void aPodAnsweringConsecutive5xxIsEjectedAndTheOtherPodsAnswer() {
		FakePod v1 = pod("appb-v1-0");
		FakePod v2 = pod("appb-v2-0");
		v2.failWith(500);
		EngineRouter router = appb(file("appb-eject-after-two-5xx.yaml"), v1, v2);
		ProxyServer sidecar = proxy("appa-v1", router);
		int sent = 0;
		int failed = 0;
		while (v2.hosts().size() < 2) {
			assertThat(sent++).as("v2 asked twice within 200 requests (each a coin toss)").isLessThan(200);
			if (get(sidecar, "appb:8000").status() == 500) {
				failed++;
			}
		}
		assertThat(failed).isEqualTo(2);
		for (int i = 0; i < 40; i++) {
			RawHttp.Reply reply = get(sidecar, "appb:8000");
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body()).startsWith("appb-v1-0");
		}
		assertThat(v2.hosts()).as("an ejected pod is never asked").hasSize(2);
		assertThat(router.cluster("appa-v1", "appb").orElseThrow().outliers().ejected(v2.endpoint())).isTrue();
	}

	@Test
	void aSubsetWhoseOnlyPodIsEjectedHasNoHealthyUpstream() throws Exception {
		FakePod v2 = pod("appb-v2-0");
		v2.failWith(502);
		ProxyServer sidecar = proxy("appa-v1", appb(file("appb-v2-eject-after-one-gateway-error.yaml"), pod("appb-v1-0"), v2));
		assertThat(get(sidecar, "appb:8000").status()).isEqualTo(502);
		RawHttp.Reply none = get(sidecar, "appb:8000");
		assertThat(none.status()).isEqualTo(503);
		assertThat(none.body()).isEqualTo("no healthy upstream\n");
		assertThat(v2.hosts()).hasSize(1);
		awaitTrue(() -> exchanges.size() == 2);
		assertThat(exchanges).extracting(ProxyExchange::responseFlags).containsExactly("-", "UH");
	}

	/** A router over the fixture mesh and {@code rules}, appb's v1 and v2 pods being {@code v1} and {@code v2}. */
	private static EngineRouter appb(String rules, FakePod v1, FakePod v2) {
		return new EngineRouter(Mesh.of(rules), Map.of("appb-v1", List.of(v1.endpoint()), "appb-v2", List.of(v2.endpoint())));
	}

	private static RawHttp.Reply get(ProxyServer sidecar, String host) {
		return RawHttp.get(sidecar.port(), "http://" + host + "/", host, "");
	}

	private static int[] counts(EngineRouter router, String cluster) {
		return router.cluster(Router.GATEWAY, cluster).map(UpstreamCluster::breaker).map(b -> b.counts()).orElse(new int[2]);
	}

	private ProxyServer proxy(String from, EngineRouter router) {
		Forwarder forwarder = new Forwarder(threads, Duration.ofSeconds(20), PoolLimits.ENVOY);
		open.add(forwarder);
		ExchangeListener listener = exchanges::add;
		ProxyServer proxy = ProxyServer.start(from, 0, router, forwarder, threads, ServerLimits.ENVOY, listener);
		open.add(proxy);
		return proxy;
	}

	private FakePod pod(String name) {
		FakePod pod = new FakePod(name);
		open.add(pod);
		return pod;
	}

}
