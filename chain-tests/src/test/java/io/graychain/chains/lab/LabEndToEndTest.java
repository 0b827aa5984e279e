package io.graychain.chains.lab;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.LabClient;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.canary.CanarySeries;
import io.graychain.meshlab.canary.Figures;
import io.graychain.meshlab.canary.IntervalAnalysis;
import io.graychain.meshlab.canary.Scrape;
import io.graychain.meshlab.kubectl.Kubectl;
import io.graychain.meshlab.lab.cluster.PodExec;
import io.graychain.meshlab.lab.cluster.ProbeCommand;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.meshlab.lab.verify.LiveReport;
import io.graychain.meshlab.lab.verify.LiveVerifier;
import io.graychain.meshlab.scenario.Scenario;
import io.graychain.support.test.FakeKubectl;
import io.graychain.support.test.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local lab end to end: {@code k8s/overlays/v2} up as processes with sidecars and an ingress
 * gateway; every scenario applied, then its expect.yaml verified with real requests (and again with
 * its Gateway API twin at the Gateway API gateway, where it has one); scenarios
 * switched under a running loop without losing a request; a bad scenario refused; and the lab
 * down leaving no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabEndToEndTest {

	static final Path REPO = Repository.root();

	static LabProcess lab;

	@BeforeAll
	static void up() {
		Path state = Path.of(System.getProperty("graychain.services.dir")).getParent().resolve("lab");
		lab = LabProcess.start(REPO, "k8s/overlays/v2", state, FreePort.find());
	}

	@AfterAll
	static void down() {
		if (lab != null) {
			lab.close();
		}
	}

	static Stream<String> scenarios() {
		return Scenario.all(REPO.resolve("istio/scenarios")).stream().map(Scenario::name);
	}

	@Order(1)
	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void everyScenarioHoldsInTheLab(String name) {
		appliedAndHolds(lab.apply(name), name, lab.client().ingressUrl(), name);
	}

	static Stream<String> gatewayApiTwins() {
		return Scenario.all(REPO.resolve("istio/scenarios")).stream().filter(Scenario::hasGatewayApiTwin).map(Scenario::name);
	}

	/** The same expect.yaml against the scenario's Gateway API twin, entering at the Gateway graychain-http's own port. */
	@Order(1)
	@ParameterizedTest(name = "{0} (Gateway API)")
	@MethodSource("gatewayApiTwins")
	void everyGatewayApiTwinHoldsInTheLab(String name) {
		appliedAndHolds(lab.applyGatewayApi(name), name, lab.client().gatewayApiUrl(), name + " (Gateway API)");
	}

	/** Checks that scenario {@code name} was {@code applied}, then its expect.yaml with requests entering at {@code gatewayUrl}. */
	private static void appliedAndHolds(OneShotHttp.Reply applied, String name, String gatewayUrl, String label) {
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		LabClient client = lab.client();
		Sender sender = new Sender(URI.create(gatewayUrl), client.sidecars(), Duration.ofSeconds(10));
		Scenario scenario = new Scenario(name, REPO.resolve("istio/scenarios").resolve(name));
		LiveReport report = new LiveVerifier(sender, client.lanes(), LiveVerifier.Settings.DEFAULT).verify(label,
				scenario.expectation());
		assertThat(report.passed()).as(report.text()).isTrue();
	}

	static Stream<String> scenariosWithInMeshEntries() {
		return Scenario.all(REPO.resolve("istio/scenarios")).stream()
			.filter(s -> s.expectation().requests().stream().anyMatch(r -> !r.atGateway()))
			.map(Scenario::name);
	}

	/**
	 * The cluster code path of {@code scripts/verify --cluster}: in-mesh entries sent with kubectl exec
	 * from the workload's pod. kubectl is a test double here ({@link FakeKubectl}) that runs the real probe
	 * through the lab's sidecar of that workload, so every request of the scenario is checked, none skipped.
	 */
	@Order(1)
	@ParameterizedTest(name = "{0}")
	@MethodSource("scenariosWithInMeshEntries")
	void inMeshEntriesHoldWhenSentFromTheirPodsAsOnACluster(String name, @TempDir Path dir) {
		assertThat(lab.apply(name).status()).isEqualTo(200);
		LabClient client = lab.client();
		FakeKubectl kubectl = FakeKubectl.probeRunner(dir, ProbeCommand.DEFAULT_NAMESPACE, client.sidecars());
		PodExec pods = new PodExec(new Kubectl(kubectl.executable()),
				new ProbeCommand(ProbeCommand.DEFAULT_NAMESPACE, Duration.ofSeconds(10)));
		Sender sender = new Sender(URI.create(client.ingressUrl()), Map.of(), Duration.ofSeconds(10), pods);
		Scenario scenario = new Scenario(name, REPO.resolve("istio/scenarios").resolve(name));

		LiveVerifier.Settings settings = new LiveVerifier.Settings(300, 10, Chance.ALPHA, 4);

		LiveReport report = new LiveVerifier(sender, client.lanes(), settings).verify(name, scenario.expectation());

		assertThat(report.passed()).as(report.text()).isTrue();
		assertThat(report.results()).as(report.text()).noneMatch(r -> r.outcome() == LiveReport.Outcome.SKIP);
		int execs = scenario.expectation().requests().stream().filter(r -> !r.atGateway())
			.mapToInt(r -> batches(r.shares().size() > 1 ? settings.samples() : settings.repeats())).sum();
		assertThat(kubectl.calls()).as("one exec per batch of in-mesh requests").hasSize(execs);
	}

	@Order(2)
	@Test
	void switchingScenariosUnderARunningLoopLosesNoRequest() throws Exception {
		// from the baseline: a Gateway API twin left in force routes product at graychain-http, not at the ingress gateway
		assertThat(lab.reset().status()).isEqualTo(200);
		LabClient client = lab.client();
		Sender sender = new Sender(URI.create(client.ingressUrl()), Map.of(), Duration.ofSeconds(10));
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger sent = new AtomicInteger();
		Map<String, Integer> seen = new ConcurrentHashMap<>();
		List<Thread> loops = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Thread loop = new Thread(() -> {
				while (running.get()) {
					String chain = ChainLine.of(sender.send("gateway", "product.graychain.local", "/product", Map.of())).text();
					seen.merge(chain, 1, Integer::sum);
					sent.incrementAndGet();
				}
			});
			loop.start();
			loops.add(loop);
		}
		for (int round = 0; round < 5; round++) {
			for (String scenario : List.of("product-50-50", "product-promote-v2")) {
				assertThat(lab.apply(scenario).status()).isEqualTo(200);
				awaitMore(sent, 20);
			}
			assertThat(lab.reset().status()).isEqualTo(200);
			awaitMore(sent, 20);
		}
		running.set(false);
		for (Thread loop : loops) {
			loop.join(Duration.ofSeconds(30).toMillis());
		}
		assertThat(sent.get()).isPositive();
		assertThat(seen.keySet()).as("every reply of %d is a complete chain: %s", sent.get(), seen)
			.isSubsetOf("product:v1", "product:v2");
	}

	@Order(3)
	@Test
	void aScenarioWithAMistakeIsRefusedAndTheRulesInForceStay() throws Exception {
		assertThat(lab.apply("product-promote-v2").status()).isEqualTo(200);
		Path bad = Files.writeString(Files.createTempFile("bad-scenario", ".yaml"), """
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata:
				  name: product
				spec:
				  hosts: [product]
				  http:
				  - route:
				    - destination: {host: product, subset: v3}
				""");
		OneShotHttp.Reply refused = lab.apply(bad.toString());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("subset", "v3");
		assertThat(lab.status()).contains("rules in force: product-promote-v2");
		Sender sender = new Sender(URI.create(lab.client().ingressUrl()), Map.of(), Duration.ofSeconds(10));
		assertThat(ChainLine.of(sender.send("gateway", "product.graychain.local", "/product", Map.of())).text())
			.isEqualTo("product:v2");
		Files.delete(bad);
	}

	/**
	 * Istio's standard metrics at the dashboard's {@code /stats/prometheus}, read by the canary
	 * analysis' parser with Flagger's series selection: each request to product counted once per
	 * version as its sidecar reports it ({@code reporter="destination"}); other hosts refused (421).
	 */
	@Order(3)
	@Test
	void theMetricsCountEachRequestPerVersionAsIstioDoes() throws Exception {
		assertThat(lab.apply("product-50-50").status()).isEqualTo(200);
		URI metrics = URI.create(Files.readString(lab.stateDir().resolve("dashboard.url")).strip()).resolve("/stats/prometheus");
		Scrape before = Scrape.parse(scrape(metrics), "the lab");
		Sender sender = new Sender(URI.create(lab.client().ingressUrl()), Map.of(), Duration.ofSeconds(10));
		Map<String, Integer> answered = new java.util.TreeMap<>();
		for (int i = 0; i < 60; i++) {
			ChainLine line = ChainLine.of(sender.send("gateway", "product.graychain.local", "/product", Map.of()));
			answered.merge(line.hops().get(0), 1, Integer::sum);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		for (String version : List.of("v1", "v2")) {
			int seen = answered.getOrDefault("product:" + version, 0);
			Figures figures;
			do {
				Thread.sleep(20);
				figures = IntervalAnalysis.analyse(before, Scrape.parse(scrape(metrics), "the lab"),
						CanarySeries.version("graychain", "product", version));
			}
			while (figures.requests() < seen && System.nanoTime() < deadline);
			assertThat(figures.requests()).as("product %s requests; seen %s", version, answered).isEqualTo(seen);
			assertThat(figures.successRate()).isEqualTo(100);
		}
		assertThat(answered.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
		assertThat(statusWithHost(metrics, "evil.example:80")).isEqualTo(421);
	}

	/**
	 * The dashboard in a real headless Chromium, opened with the URL {@code lab up} prints: applying
	 * product-50-50 from the page, 200 requests show product v1 and v2 with shares inside the binomial
	 * range; a chain crossed by a rule (appa to v2 for jason, appb left on v1) is flagged; reset from
	 * the page works; a call from another origin is refused.
	 */
	@Order(3)
	@Test
	void theDashboardShowsTheVersionedGraphAndChangesRulesWithTheToken() throws Exception {
		String dashboard = Files.readString(lab.stateDir().resolve("dashboard.url")).strip();
		String token = Files.readString(lab.stateDir().resolve("admin.token")).strip();
		Sender sender = new Sender(URI.create(lab.client().ingressUrl()), Map.of(), Duration.ofSeconds(10));
		try (LabDashboardPage page = LabDashboardPage.open(dashboard + "#token=" + token)) {
			assertThat(page.apply("product-50-50")).startsWith("applied product-50-50");
			for (int i = 0; i < 200; i++) {
				sender.send("gateway", "product.graychain.local", "/product", Map.of());
			}
			page.awaitRequests("gateway", "product", 200);
			double v1 = page.share("gateway", "product:v1");
			double v2 = page.share("gateway", "product:v2");
			// 200 draws at p = 0.5: 4.5 standard deviations (7.07 requests each) either side of 100
			assertThat(v1).isBetween(34.0, 66.0);
			assertThat(v1 + v2).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.2));
			assertThat(page.hasNode("product:v1")).isTrue();
			assertThat(page.hasNode("product:v2")).isTrue();

			Path crossing = Files.writeString(Files.createTempFile("crossing", ".yaml"),
					Files.readString(REPO.resolve("istio/scenarios/end-user-jason/virtual-service-appa-jason-v2.yaml")));
			assertThat(lab.apply(crossing.toString()).status()).isEqualTo(200);
			for (int i = 0; i < 5; i++) {
				sender.send("gateway", "appa.graychain.local", "/", Map.of("end-user", "jason", "accept", "text/plain"));
			}
			page.waiting().until(d -> page.crossed("appa:v2 > appb:v1"));
			page.screenshot(Path.of(System.getProperty("graychain.services.dir")).getParent().resolve("dashboard.png"));
			Files.delete(crossing);

			assertThat(page.reset()).isEqualTo("reset to the baseline");
			page.waiting().until(d -> page.inForce().contains("baseline"));
		}
		URI reset = URI.create(dashboard).resolve("/api/reset");
		assertThat(postFrom(reset, "http://evil.example", token)).isEqualTo(403);
		assertThat(postFrom(reset, null, "wrong")).isEqualTo(403);
	}

	/** The status of a POST with the token, from {@code origin} (none when null). */
	private static int postFrom(URI uri, String origin, String token) throws Exception {
		try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
			socket.getOutputStream().write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort()
					+ (origin == null ? "" : "\r\nOrigin: " + origin) + "\r\nAuthorization: Bearer " + token
					+ "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
			return Integer.parseInt(reply.substring(9, 12));
		}
	}

	private static String scrape(URI uri) throws Exception {
		var reply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
		return reply.body();
	}

	/** The status of a GET that names {@code host} (java.net.http refuses to set Host: a raw request says it). */
	private static int statusWithHost(URI uri, String host) throws Exception {
		try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
			socket.getOutputStream().write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + host
					+ "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
			return Integer.parseInt(reply.substring(9, 12));
		}
	}

	@Order(4)
	@Test
	void labDownLeavesNoProcessBehind() throws Exception {
		assertThat(lab.leftovers()).as("the lab's pods run").hasSizeGreaterThanOrEqualTo(11);
		assertThat(lab.shutDown(Duration.ofSeconds(90))).as("the lab stops in time; log:\n" + lab.log()).isTrue();
		assertThat(lab.leftovers()).as("processes left behind").isEmpty();
	}

	private static int batches(int requests) {
		return (requests + PodExec.BATCH_SIZE - 1) / PodExec.BATCH_SIZE;
	}

	/** Waits (at most 10 s) until the loops sent {@code more} requests more. */
	private static void awaitMore(AtomicInteger sent, int more) throws InterruptedException {
		int target = sent.get() + more;
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (sent.get() < target && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

}
