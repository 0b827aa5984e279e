package io.graychain.chains.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.graychain.support.test.FakeKubectl;
import io.graychain.support.test.FakeKubectl.Reply;
import io.graychain.support.test.Repository;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/curl-loop --cluster} and {@code scripts/verify --cluster} run for real, with meshlab's
 * runnable jar, against a cluster that is not there: kubectl is a test double ({@link FakeKubectl})
 * whose ingress gateway Service has a LoadBalancer address on this machine's loopback interface, where
 * a stand-in for the gateway (a JDK HTTP server) answers one-line chains as the services do for
 * {@code Accept: text/plain}. In-mesh requests go through the double's {@code kubectl exec}, which runs
 * the real mesh probe through a stand-in for the pod's sidecar. The tests check what the scripts ask
 * kubectl, what reaches the gateway, and what the scripts print and exit with.
 */
class ClusterScriptsTrafficTest {

	static final Path REPO = Repository.root();

	/** The read of the gateway's Service (its exact jsonpath is meshlab's ClusterScriptsGatewayTest's). */
	static final String SERVICE = "-n istio-system get svc istio-ingressgateway -o jsonpath=";

	static final String LANES = "get deploy -l version=v2 -o jsonpath=";

	static String buildDir;

	@TempDir
	Path dir;

	final List<HttpServer> servers = new ArrayList<>();

	final ExecutorService threads = Executors.newFixedThreadPool(8);

	/** What one stand-in got: Host, request target, and the headers a test looks at. */
	record Seen(String host, String target, String accept, String endUser) {
	}

	@BeforeAll
	static void meshlabIsPackaged() throws IOException {
		buildDir = System.getProperty("graychain.build.dir", "target");
		Path folder = REPO.resolve("meshlab").resolve(buildDir);
		try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
			assertThat(files.map(f -> f.getFileName().toString()))
				.as("meshlab's runnable jar in %s, packaged before chain-tests (./mvnw verify); without it scripts/lab would build it", folder)
				.anyMatch(name -> name.matches("meshlab-.*-exec\\.jar"));
		}
	}

	@AfterEach
	void stopServers() {
		servers.forEach(server -> server.stop(0));
		threads.shutdownNow();
	}

	/** A loopback HTTP server answering each request with the chain {@code answer} gives, 200 text/plain. */
	HttpServer standIn(List<Seen> seen, Function<HttpExchange, String> answer) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
			server.createContext("/", exchange -> {
				try (exchange) {
					seen.add(new Seen(exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().toString(),
							exchange.getRequestHeaders().getFirst("Accept"), exchange.getRequestHeaders().getFirst("end-user")));
					byte[] body = (answer.apply(exchange) + "\n").getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().set("Content-Type", "text/plain");
					exchange.sendResponseHeaders(200, body.length);
					exchange.getResponseBody().write(body);
				}
			});
			server.setExecutor(threads);
			server.start();
			servers.add(server);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The gateway's Service as kubectl prints it for a LoadBalancer on {@code server}'s loopback port. */
	static Reply gatewayAt(HttpServer server) {
		return Reply.toCallsStartingWith(SERVICE).printing("127.0.0.1||" + server.getAddress().getPort() + "|31380");
	}

	static Reply lanes(String namespace) {
		return Reply.toCallsStartingWith("-n " + namespace + " " + LANES).printing("appa\nappb\n");
	}

	ScriptRun script(String name, FakeKubectl kubectl, String... args) {
		return script(name, Map.of("KUBECTL", kubectl.executable().toString()), args);
	}

	ScriptRun script(String name, Map<String, String> env, String... args) {
		Map<String, String> all = new HashMap<>(env);
		all.put("GRAYCHAIN_BUILD_DIR", buildDir);
		all.put("GRAYCHAIN_LAB_STATE", dir.resolve("lab").toString());
		return ScriptRun.run(REPO.resolve("scripts").resolve(name), all, Duration.ofSeconds(120), args);
	}

	static String jason(HttpExchange exchange) {
		return "jason".equals(exchange.getRequestHeaders().getFirst("end-user")) ? "appa:v2 > appb:v2" : "appa:v1 > appb:v1";
	}

	@Test
	void curlLoopSendsToTheGatewayKubectlFindsAndMarksCrossedChainsByItsLanes() {
		List<Seen> seen = new CopyOnWriteArrayList<>();
		AtomicInteger count = new AtomicInteger();
		HttpServer gateway = standIn(seen, e -> count.incrementAndGet() % 4 == 0 ? "appa:v2 > appb:v1" : "appa:v1 > appb:v1");
		FakeKubectl kubectl = FakeKubectl.answering(dir, gatewayAt(gateway), lanes("graychain"));

		ScriptRun run = script("curl-loop", kubectl, "--cluster", "-n", "20", "--host", "appa.graychain.local", "--path", "/greet",
				"-q", "name=xx", "-H", "end-user: jason");

		assertThat(run.exit()).as(run.toString()).isZero();
		String url = "http://127.0.0.1:" + gateway.getAddress().getPort();
		List<String> lines = run.outLines();
		assertThat(lines.get(0)).isEqualTo("GET /greet?name=xx Host: appa.graychain.local from gateway via " + url + ", 20 requests");
		assertThat(lines.subList(1, 21)).containsOnly("appa:v1 > appb:v1", "appa:v2 > appb:v1").filteredOn("appa:v2 > appb:v1"::equals).hasSize(5);
		assertThat(run.out()).contains("summary: 20 requests in ").contains(", 5 crossed, 0 failed")
			.containsPattern("appa:v2 > appb:v1 +5 +25\\.0%.*CROSSED");
		assertThat(seen).hasSize(20).containsOnly(new Seen("appa.graychain.local", "/greet?name=xx", "text/plain", "jason"));
		assertThat(kubectl.calls()).as("the gateway's address, then the lanes").hasSize(2)
			.satisfies(calls -> assertThat(calls.get(0)).startsWith(SERVICE))
			.satisfies(calls -> assertThat(calls.get(1)).startsWith("-n graychain " + LANES));
	}

	@Test
	void curlLoopWithoutAGatewayAddressSendsNothing() {
		List<Seen> seen = new CopyOnWriteArrayList<>();
		standIn(seen, e -> "appa:v1 > appb:v1");
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.toCallsStartingWith(SERVICE).printing("||80|"), lanes("graychain"));

		ScriptRun run = script("curl-loop", kubectl, "--cluster", "-n", "5");

		assertThat(run.exit()).as(run.toString()).isNotZero();
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("no address for istio-system/istio-ingressgateway").contains("--url");
		assertThat(kubectl.calls()).hasSize(1);
		assertThat(seen).isEmpty();
	}

	@Test
	void verifyChecksTheScenarioAtTheGatewayKubectlFinds() {
		List<Seen> seen = new CopyOnWriteArrayList<>();
		HttpServer gateway = standIn(seen, ClusterScriptsTrafficTest::jason);
		FakeKubectl kubectl = FakeKubectl.answering(dir, gatewayAt(gateway), lanes("graychain"));

		ScriptRun run = script("verify", kubectl, "--cluster", "--repeat", "10", "end-user-jason");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.out()).contains("verify end-user-jason against http://127.0.0.1:" + gateway.getAddress().getPort())
			.contains("PASS: 4 ok, 0 failed, 0 skipped of 4 requests");
		assertThat(seen).as("10 of each of the 4 requests").hasSize(40).allMatch(s -> s.host().equals("appa.graychain.local"));
		assertThat(seen).filteredOn(s -> "jason".equals(s.endUser())).hasSize(20);
		assertThat(kubectl.calls()).hasSize(2);
	}

	@Test
	void verifyFailsWhatTheGatewayGetsWrong() {
		List<Seen> seen = new CopyOnWriteArrayList<>();
		HttpServer gateway = standIn(seen, e -> "appa:v1 > appb:v1");
		FakeKubectl kubectl = FakeKubectl.answering(dir, gatewayAt(gateway), lanes("graychain"));

		ScriptRun run = script("verify", kubectl, "--cluster", "--repeat", "10", "end-user-jason");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("FAIL jason (gateway -> appa.graychain.local/)")
			.contains("FAIL: 2 ok, 2 failed, 0 skipped of 4 requests");
	}

	@Test
	void verifySendsInMeshEntriesFromTheirPodsWithTheSameKubectl() {
		List<Seen> atGateway = new CopyOnWriteArrayList<>();
		AtomicInteger count = new AtomicInteger();
		HttpServer gateway = standIn(atGateway, e -> count.incrementAndGet() % 10 == 0 ? "appa:v1 > appb:v1" : "appa:v2 > appb:v2");
		List<Seen> inMesh = new CopyOnWriteArrayList<>();
		HttpServer sidecar = standIn(inMesh, e -> e.getRequestHeaders().getFirst("Host").startsWith("appb") ? "appb:v2" : "appa:v1 > appb:v1");
		int port = sidecar.getAddress().getPort();
		FakeKubectl kubectl = FakeKubectl.probeRunner(dir, "demo", Map.of("product-v1", port, "appa-v2", port), gatewayAt(gateway),
				lanes("demo"));

		// KUBECTL a command on the PATH, not a path: the script and the probe's kubectl exec find the same one
		String path = kubectl.executable().getParent() + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH");
		ScriptRun run = script("verify", Map.of("KUBECTL", "kubectl", "PATH", path), "--cluster", "--namespace", "demo", "--samples",
				"100", "--repeat", "10", "appa-delegate-10-90");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.out()).contains("in-mesh entries: from their pods in namespace demo (kubectl exec)")
			.contains("PASS: 3 ok, 0 failed, 0 skipped of 3 requests");
		assertThat(atGateway).hasSize(100);
		assertThat(inMesh).hasSize(20).extracting(Seen::host).containsOnly("appa:8000", "appb:8000");
		assertThat(kubectl.calls()).hasSize(4)
			.anySatisfy(c -> assertThat(c).startsWith("exec -n demo deploy/product-v1 -c app -- java ").endsWith(" http://appa:8000/"))
			.anySatisfy(c -> assertThat(c).startsWith("exec -n demo deploy/appa-v2 -c app -- java ").endsWith(" http://appb:8000/"));
	}

	@Test
	void verifyWithAUrlAsksKubectlOnlyForTheLanes() {
		List<Seen> seen = new CopyOnWriteArrayList<>();
		HttpServer gateway = standIn(seen, ClusterScriptsTrafficTest::jason);
		FakeKubectl kubectl = FakeKubectl.answering(dir, lanes("graychain"));

		ScriptRun run = script("verify", kubectl, "--cluster", "--url", "http://127.0.0.1:" + gateway.getAddress().getPort(),
				"--repeat", "5", "end-user-jason");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(seen).hasSize(20);
		assertThat(kubectl.calls()).singleElement().asString().startsWith("-n graychain " + LANES);
	}

}
