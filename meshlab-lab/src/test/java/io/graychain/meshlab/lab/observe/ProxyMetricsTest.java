package io.graychain.meshlab.lab.observe;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.graychain.meshlab.canary.LabelMatcher;
import io.graychain.meshlab.canary.Sample;
import io.graychain.meshlab.canary.Scrape;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.lab.http.FakePod;
import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.lab.proxy.ExchangeListener;
import io.graychain.meshlab.lab.proxy.ProxyExchange;
import io.graychain.meshlab.lab.proxy.Endpoint;
import io.graychain.meshlab.lab.proxy.Forwarder;
import io.graychain.meshlab.lab.proxy.PoolLimits;
import io.graychain.meshlab.lab.proxy.ProxyServer;
import io.graychain.meshlab.lab.proxy.Router;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway and a sidecar over fake pods, recording Istio's standard metrics: counted exactly. */
class ProxyMetricsTest {

	private static final int REQUESTS = 40;

	private final LabThreads threads = LabThreads.start("metrics-test", 32);

	private final List<AutoCloseable> open = new ArrayList<>();

	private final IstioMetrics metrics = new IstioMetrics();

	private final List<ProxyExchange> exchanges = new java.util.concurrent.CopyOnWriteArrayList<>();

	@TempDir
	Path logs;

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		threads.close();
	}

	@Test
	void theGatewayCountsEveryRequestPerVersionAsTheSourceAndTheDestinationReportsIt() throws Exception {
		ProxyServer gateway = proxy(Router.GATEWAY, "vs-product-50-50.yaml");
		Sender sender = new Sender(URI.create("http://127.0.0.1:" + gateway.port()), Map.of(), Duration.ofSeconds(5));
		Map<String, Integer> answered = new TreeMap<>();
		for (int i = 0; i < REQUESTS; i++) {
			OneShotHttp.Reply reply = sender.send("gateway", "product.graychain.local", "/echo", Map.of());
			assertThat(reply.status()).isEqualTo(200);
			answered.merge(reply.body().substring(0, reply.body().indexOf(' ')), 1, Integer::sum);
		}
		sender.send("gateway", "nope.graychain.local", "/", Map.of());
		Scrape scrape = awaitCount(REQUESTS + 1, REQUESTS);

		for (String version : List.of("v1", "v2")) {
			int seen = answered.getOrDefault("product-" + version + "-0", 0);
			List<LabelMatcher> series = List.of(LabelMatcher.equal("destination_workload", "product-" + version),
					LabelMatcher.equal("source_workload", "istio-ingressgateway"),
					LabelMatcher.equal("destination_service_name", "product"), LabelMatcher.equal("response_code", "200"));
			assertThat(sum(scrape, "source", series)).as("source reports of %s", version).isEqualTo(seen);
			assertThat(sum(scrape, "destination", series)).as("destination reports of %s", version).isEqualTo(seen);
		}
		assertThat(sum(scrape, "source", List.of(LabelMatcher.equal("response_code", "404"),
				LabelMatcher.equal("response_flags", "NR")))).isEqualTo(1);
	}

	@Test
	void aSidecarReportsItsOwnWorkloadAsTheSource() throws Exception {
		ProxyServer sidecar = proxy("appa-v1", "vs-appb-v2.yaml");
		Sender sender = fromSidecar("appa-v1", sidecar);
		for (int i = 0; i < 3; i++) {
			assertThat(sender.send("appa-v1", "appb:8000", "/echo", Map.of()).status()).isEqualTo(200);
		}
		Scrape scrape = awaitCount(3, 3);

		List<LabelMatcher> series = List.of(LabelMatcher.equal("source_workload", "appa-v1"),
				LabelMatcher.equal("source_app", "appa"), LabelMatcher.equal("source_version", "v1"),
				LabelMatcher.equal("destination_workload", "appb-v2"), LabelMatcher.equal("destination_app", "appb"),
				LabelMatcher.equal("destination_version", "v2"), LabelMatcher.equal("destination_workload_namespace", "graychain"));
		assertThat(sum(scrape, "source", series)).isEqualTo(3);
		assertThat(sum(scrape, "destination", series)).isEqualTo(3);
	}

	/**
	 * A mirrored copy is reported by the callee only ({@code reporter="destination"}), with the
	 * callee's workload and the Service as its destination: the caller's stats filter never sees the
	 * shadow (it is sent through the async client, envoy source/common/router/shadow_writer_impl.cc
	 * ShadowWriterImpl::shadow; istio/proxy istio_stats.cc reports from IstioStatsFilter::log, the
	 * connection manager's access log hook). The access log of the callee's pod has the copy, its
	 * authority {@code -shadow}; the caller's has the user's request only.
	 */
	@Test
	void aMirroredCopyIsReportedByTheCalleeAloneAndLoggedInboundAtTheMirror() throws Exception {
		ProxyServer sidecar = proxy("appa-v1", "/lab/appb-fault-timeout-mirror.yaml");
		Sender sender = fromSidecar("appa-v1", sidecar);
		for (int i = 0; i < 4; i++) {
			assertThat(sender.send("appa-v1", "appb:8000", "/echo", Map.of()).status()).isEqualTo(200);
		}
		awaitTrue(() -> exchanges.stream().filter(ProxyExchange::mirrored).count() == 4);
		Scrape scrape = awaitCount(4, 8);

		List<LabelMatcher> toV2 = List.of(LabelMatcher.equal("source_workload", "appa-v1"),
				LabelMatcher.equal("destination_workload", "appb-v2"), LabelMatcher.equal("destination_service_name", "appb"),
				LabelMatcher.equal("response_code", "200"));
		assertThat(sum(scrape, "destination", toV2)).isEqualTo(4);
		assertThat(sum(scrape, "source", toV2)).isZero();
		assertThat(exchanges.stream().filter(ProxyExchange::mirrored))
			.allSatisfy(e -> assertThat(e.details().authority()).isEqualTo("appb-shadow:8000"))
			.allSatisfy(e -> assertThat(e.details().upstreamCluster()).isEqualTo("outbound|8000|v2|appb.graychain.svc.cluster.local"));
		List<String> v2Log = java.nio.file.Files.readAllLines(AccessLogs.file(logs, "appb-v2-0"));
		assertThat(v2Log).hasSize(4).allSatisfy(line -> assertThat(line).contains(" 200 - via_upstream ", "\"appb-shadow:8000\"", " inbound|"));
		assertThat(java.nio.file.Files.readAllLines(AccessLogs.file(logs, "appa-v1-0"))).hasSize(4)
			.allSatisfy(line -> assertThat(line).contains("\"appb:8000\"", " outbound|8000|v1|appb.graychain.svc.cluster.local "));
	}

	/**
	 * A fault filter abort is the caller's own reply (FI): reported by the caller as the source, never
	 * by the callee, and logged by the caller only (envoy source/extensions/filters/http/fault/fault_filter.cc).
	 */
	@Test
	void aFaultAbortIsReportedByTheCallerOnly() throws Exception {
		ProxyServer sidecar = proxy("appa-v1", "/lab/appb-fault-timeout-mirror.yaml");
		Sender sender = fromSidecar("appa-v1", sidecar);
		for (int i = 0; i < 3; i++) {
			assertThat(sender.send("appa-v1", "appb:8000", "/echo", Map.of("end-user", "aborted")).status()).isEqualTo(503);
		}
		Scrape scrape = awaitCount(3, 0);

		List<LabelMatcher> aborted = List.of(LabelMatcher.equal("response_flags", "FI"), LabelMatcher.equal("response_code", "503"));
		assertThat(sum(scrape, "source", aborted)).isEqualTo(3);
		assertThat(sum(scrape, "destination", List.of())).isZero();
		assertThat(java.nio.file.Files.readAllLines(AccessLogs.file(logs, "appa-v1-0"))).hasSize(3)
			.allSatisfy(line -> assertThat(line).contains(" 503 FI fault_filter_abort ",
					"\"-\" outbound|8000|v1|appb.graychain.svc.cluster.local "));
		assertThat(AccessLogs.file(logs, "appb-v1-0")).doesNotExist();
	}

	/** Sends from {@code workload}'s sidecar. */
	private static Sender fromSidecar(String workload, ProxyServer sidecar) {
		return new Sender(URI.create("http://127.0.0.1:1"), Map.of(workload, sidecar.port()), Duration.ofSeconds(5));
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("within 20 s").isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	private ProxyServer proxy(String from, String rules) throws Exception {
		Map<String, List<Endpoint>> endpoints = new TreeMap<>();
		for (String pod : List.of("product-v1-0", "product-v2-0", "appb-v1-0", "appb-v2-0")) {
			FakePod fake = new FakePod(pod);
			open.add(fake);
			endpoints.put(fake.endpoint().workload(), List.of(fake.endpoint()));
		}
		String yaml = new String(getClass().getResourceAsStream(rules).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		Forwarder forwarder = new Forwarder(threads, Duration.ofSeconds(5), PoolLimits.ENVOY);
		open.add(forwarder);
		AccessLogs accessLogs = new AccessLogs(logs, AccessLogs.MAX_BYTES);
		open.add(accessLogs);
		ExchangeListener accessLog = accessLogs.of(from.equals(Router.GATEWAY) ? from : from + "-0");
		ProxyServer proxy = ProxyServer.start(from, 0, new EngineRouter(Mesh.of(yaml), endpoints), forwarder, threads,
				ServerLimits.ENVOY, exchange -> {
					// the log line first: once a test sees the exchange or its metric, the line is written
					accessLog.completed(exchange);
					exchanges.add(exchange);
					metrics.completed(exchange);
				});
		open.add(proxy);
		return proxy;
	}

	/** The scrape once the proxies reported {@code requests} requests as the source (a report follows the reply's last byte). */
	/**
	 * The scrape once {@code requests} source reports and {@code destinations} destination reports are in:
	 * the callee's sidecar reports when its exchange completes, which may be after the caller has its reply.
	 */
	private Scrape awaitCount(int requests, int destinations) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			Scrape scrape = Scrape.parse(metrics.scrape(), "the lab");
			if (sum(scrape, "source", List.of()) >= requests && sum(scrape, "destination", List.of()) >= destinations) {
				assertThat(sum(scrape, "source", List.of())).isEqualTo(requests);
				return scrape;
			}
			assertThat(System.nanoTime()).as("%d requests reported within 20 s", requests).isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	private static double sum(Scrape scrape, String reporter, List<LabelMatcher> matchers) {
		List<LabelMatcher> all = new ArrayList<>(matchers);
		all.add(LabelMatcher.equal("reporter", reporter));
		return scrape.select("istio_requests_total", all).stream().mapToDouble(Sample::value).sum();
	}

}
