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
import io.graychain.meshlab.lab.observe.AccessLogs;
import io.graychain.meshlab.lab.verify.LiveReport;
import io.graychain.meshlab.lab.verify.LiveVerifier;
import io.graychain.meshlab.lab.verify.PodMetrics;
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
		Map<String, Map<String, String>> environment = scenario.expectation().environment();
		environment.forEach((deployment, env) -> client.setEnv(deployment,
				env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), Duration.ofSeconds(120)));
		try {
			// a scenario of statuses and times (faults, timeouts, retries) is checked with a few hundred requests
			LiveVerifier.Settings settings = scenario.expectation().requests().stream()
				.anyMatch(r -> r.statuses() != null || r.latency() != null) ? new LiveVerifier.Settings(300, 12, Chance.ALPHA, 4)
						: new LiveVerifier.Settings(1000, 20, Chance.ALPHA, 4);
			LiveReport report = new LiveVerifier(sender, client.lanes(), settings,
					new PodMetrics(client::pods, Duration.ofSeconds(10)), null).verify(label, scenario.expectation());
			assertThat(report.passed()).as(report.text()).isTrue();
		}
		finally {
			environment.forEach((deployment, env) -> client.setEnv(deployment,
					env.keySet().stream().map(key -> key + "-").toList(), Duration.ofSeconds(120)));
		}
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
	 * Outlier detection end to end (istio/scenarios/product-eject-failing-v2): product v2 made to fail
	 * every request as {@code kubectl set env} would; the gateway's proxy ejects its pod after three
	 * 5xx in a row (envoy outlier_detection_impl.cc putHttpResponseCode, ejectHost), and from then on
	 * every shopper is answered by v1. Counted, not timed: the ejection lasts 3 minutes, far longer
	 * than the requests that follow.
	 */
	@Order(3)
	@Test
	void aFailingV2PodIsEjectedAndShoppersSeeV1Only() {
		assertThat(lab.apply("product-eject-failing-v2").status()).isEqualTo(200);
		Duration rollout = Duration.ofSeconds(180);
		assertThat(lab.client().setEnv("product-v2", List.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100"), rollout))
			.contains("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100");
		try {
			Sender sender = new Sender(URI.create(lab.client().ingressUrl()), Map.of(), Duration.ofSeconds(10));
			int failed = 0;
			int sent = 0;
			while (failed < 3) {
				assertThat(sent++).as("v2 asked three times within 300 requests (each a coin toss)").isLessThan(300);
				OneShotHttp.Reply reply = sender.send("gateway", "product.graychain.local", "/product", Map.of());
				if (reply.status() == 500) {
					failed++;
				}
				else {
					assertThat(ChainLine.of(reply).text()).isEqualTo("product:v1");
				}
			}
			for (int i = 0; i < 40; i++) {
				assertThat(ChainLine.of(sender.send("gateway", "product.graychain.local", "/product", Map.of())).text())
					.as("after the ejection").isEqualTo("product:v1");
			}
		}
		finally {
			lab.client().setEnv("product-v2", List.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT-"), rollout);
			lab.reset();
		}
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
	 * An HTTPRoute's RequestMirror at the Gateway API gateway (product-dark-launch-v2's twin): every user
	 * is answered by product v1, and a copy of each request reaches the product v2 pods, counted by their
	 * own {@code /actuator/prometheus} (istio/istio pilot/pkg/config/kube/gateway/conversion.go
	 * createMirrorFilter; gateway-api conformance tests/httproute-request-mirror.go).
	 */
	@Order(3)
	@Test
	void aGatewayApiMirrorSendsACopyOfEachRequestToItsBackend() throws Exception {
		assertThat(lab.applyGatewayApi("product-dark-launch-v2").status()).isEqualTo(200);
		List<Integer> v2Pods = podPorts("product-v2-");
		assertThat(v2Pods).isNotEmpty();
		double before = productRequests(v2Pods);
		Sender sender = new Sender(URI.create(lab.client().gatewayApiUrl()), Map.of(), Duration.ofSeconds(10));
		int sent = 20;
		for (int i = 0; i < sent; i++) {
			ChainLine line = ChainLine.of(sender.send("gateway", "product.graychain.local", "/product", Map.of()));
			assertThat(line.hops()).containsExactly("product:v1");
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		double copies;
		do {
			Thread.sleep(20);
			copies = productRequests(v2Pods) - before;
		}
		while (copies < sent && System.nanoTime() < deadline);
		assertThat(copies).as("mirrored copies product v2 served").isEqualTo(sent);
	}

	/** The ports of the lab's pods whose name starts with {@code prefix}, from the lab's status table. */
	private static List<Integer> podPorts(String prefix) {
		return lab.client().get("/status").body().lines().filter(l -> l.startsWith(prefix))
			.map(l -> Integer.parseInt(l.trim().split("\\s+")[3])).toList();
	}

	/** The requests for {@code /product} the pods on {@code ports} served, as their own Micrometer counts them. */
	private static double productRequests(List<Integer> ports) throws Exception {
		java.util.regex.Pattern count = java.util.regex.Pattern
			.compile("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/product\"[^}]*\\} ([0-9.eE+]+)$");
		double total = 0;
		for (int port : ports) {
			java.util.regex.Matcher m = count.matcher(scrape(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")));
			while (m.find()) {
				total += Double.parseDouble(m.group(1));
			}
		}
		return total;
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

	/**
	 * The dashboard without a mouse: Tab to the scenario picker, arrow keys, Enter on apply, then
	 * reset. The dark launch's mirrored copies are drawn as a dashed edge; they and the users'
	 * requests are in the proxies' access logs: the gateway's outbound line, the callee pod's inbound
	 * line, a copy's {@code -shadow} authority at v2, an unrouted request's NR at the gateway.
	 */
	@Order(3)
	@Test
	void theDashboardWorksFromTheKeyboardAndTheAccessLogsShowEachRequest() throws Exception {
		String dashboard = Files.readString(lab.stateDir().resolve("dashboard.url")).strip();
		String token = Files.readString(lab.stateDir().resolve("admin.token")).strip();
		Sender sender = new Sender(URI.create(lab.client().ingressUrl()), Map.of(), Duration.ofSeconds(10));
		Path logs = lab.stateDir().resolve("logs");
		// a scenario with an environment (set-env) replaces pods: product-v2-0 may run as product-v2-r3-0 by now
		String v1Pod = pod("product", "v1");
		String v2Pod = pod("product", "v2");
		try (LabDashboardPage page = LabDashboardPage.open(dashboard + "#token=" + token)) {
			assertThat(page.applyWithKeyboard("product-dark-launch-v2")).startsWith("applied product-dark-launch-v2");
			String id = "e2e-" + System.nanoTime();
			assertThat(sender.send("gateway", "product.graychain.local", "/product", Map.of("x-request-id", id)).status())
				.isEqualTo(200);
			for (int i = 0; i < 10; i++) {
				sender.send("gateway", "product.graychain.local", "/product", Map.of());
			}
			page.waiting().until(d -> page.dashedMirror("gateway", "product:v2"));

			page.waiting().until(d -> lines(AccessLogs.file(logs, v2Pod), id).size() == 1);
			assertThat(lines(AccessLogs.file(logs, "gateway"), id)).singleElement().satisfies(line -> assertThat(line)
				.contains("\"GET /product HTTP/1.1\" 200 - via_upstream ", "\"product.graychain.local\"",
						" outbound|7000|v1|product.graychain.svc.cluster.local "));
			assertThat(lines(AccessLogs.file(logs, v1Pod), id)).singleElement().satisfies(line -> assertThat(line)
				.contains(" 200 - via_upstream ", "\"product.graychain.local\"", " inbound|"));
			assertThat(lines(AccessLogs.file(logs, v2Pod), id)).singleElement().satisfies(line -> assertThat(line)
				.contains(" 200 - via_upstream ", "\"product.graychain.local-shadow\"", " inbound|"));

			assertThat(page.resetWithKeyboard()).isEqualTo("reset to the baseline");
			page.waiting().until(d -> page.inForce().contains("baseline"));
		}
		String chained = "e2e-chain-" + System.nanoTime();
		assertThat(sender.send("gateway", "appa.graychain.local", "/", Map.of("x-request-id", chained, "accept", "text/plain"))
			.status()).isEqualTo(200);
		String lost = "e2e-nr-" + System.nanoTime();
		assertThat(sender.send("gateway", "nope.graychain.local", "/", Map.of("x-request-id", lost)).status()).isEqualTo(404);
		awaitLine(AccessLogs.file(logs, "gateway"), lost);
		assertThat(lines(AccessLogs.file(logs, "gateway"), lost)).singleElement()
			.satisfies(line -> assertThat(line).contains(" 404 NR route_not_found ", "\"nope.graychain.local\""));
		awaitLine(AccessLogs.file(logs, pod("appa", "v1")), chained);
		assertThat(lines(AccessLogs.file(logs, pod("appa", "v1")), chained)).as("appa's sidecar: inbound from the gateway, outbound to appb")
			.anySatisfy(line -> assertThat(line).contains(" 200 - via_upstream ", " inbound|"))
			.anySatisfy(line -> assertThat(line).contains(" 200 - via_upstream ", " outbound|8000|v1|appb.graychain.svc.cluster.local "));
	}

	/** The name of the pod now running {@code app}'s {@code version} (one pod per version in the v2 overlay). */
	private static String pod(String app, String version) {
		return lab.client().pods().stream().filter(p -> p.app().equals(app) && p.version().equals(version))
			.map(LabClient.Pod::name).findFirst().orElseThrow(() -> new AssertionError("no pod of " + app + " " + version));
	}

	/** The lines of {@code log} with {@code requestId} (none while the file does not exist yet). */
	private static List<String> lines(Path log, String requestId) {
		try {
			return Files.isRegularFile(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("\"" + requestId + "\"")).toList()
					: List.of();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Waits (at most 20 s) until {@code log} has a line of {@code requestId}: a proxy logs once the reply is sent. */
	private static void awaitLine(Path log, String requestId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (lines(log, requestId).isEmpty()) {
			assertThat(System.nanoTime()).as("a line of %s in %s within 20 s", requestId, log).isLessThan(deadline);
			Thread.sleep(20);
		}
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
