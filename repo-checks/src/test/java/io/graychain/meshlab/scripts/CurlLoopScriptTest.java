package io.graychain.meshlab.scripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/curl-loop} run for real against a loopback stand-in for an ingress gateway (a JDK
 * HTTP server answering one-line chains): its exit status says whether every request got a complete
 * chain (0), some failed (1, with a line saying how many of how many), or the input was bad (2, one
 * line, nothing sent); its options default from GRAYCHAIN_* environment variables.
 */
class CurlLoopScriptTest {

	static final Path SCRIPT = Tools.repo().resolve("scripts/curl-loop");

	/** What the stand-in got: Host and request target. */
	record Seen(String host, String target) {
	}

	final List<Seen> seen = new CopyOnWriteArrayList<>();

	HttpServer gateway;

	@AfterEach
	void stop() {
		if (gateway != null) {
			gateway.stop(0);
		}
	}

	/** A gateway whose every {@code failEvery}-th request answers 503 with a failed hop (0: none fails). */
	String gateway(int failEvery) throws IOException {
		AtomicInteger count = new AtomicInteger();
		gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		gateway.createContext("/", exchange -> {
			try (exchange) {
				seen.add(new Seen(exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().toString()));
				boolean fail = failEvery > 0 && count.incrementAndGet() % failEvery == 0;
				byte[] body = ((fail ? "appa:v1 > appb:!503" : "appa:v1 > appb:v1") + "\n").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/plain");
				exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
				exchange.getResponseBody().write(body);
			}
		});
		gateway.start();
		return "http://127.0.0.1:" + gateway.getAddress().getPort();
	}

	static ScriptRun loop(Map<String, String> env, String... args) {
		return ScriptRun.run(SCRIPT, Tools.scriptEnv(env), Duration.ofSeconds(60), args);
	}

	@Test
	void everyRequestAnsweredExitsZero() throws IOException {
		String url = gateway(0);

		ScriptRun run = loop(Map.of(), "--url", url, "-n", "5", "--lanes", "appa,appb");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.out()).contains("summary: 5 requests in ").contains(", 0 crossed, 0 failed");
		assertThat(run.err()).isEmpty();
		assertThat(seen).hasSize(5);
	}

	@Test
	void failedRequestsExitOneAndSayHowManyOfHowMany() throws IOException {
		String url = gateway(4);

		ScriptRun run = loop(Map.of(), "--url", url, "-n", "8", "--lanes", "appa,appb");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains(", 0 crossed, 2 failed").containsPattern("appa:v1 > appb:!503 +2 +25\\.0%.*FAILED");
		assertThat(run.err()).isEqualTo("loop: 2 of 8 requests failed\n");
	}

	@Test
	void noGatewayListeningIsEveryRequestFailed() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}

		ScriptRun run = loop(Map.of(), "--url", "http://127.0.0.1:" + closed, "-n", "3", "--lanes", "appa");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.outLines()).contains("no reply");
		assertThat(run.err()).isEqualTo("loop: 3 of 3 requests failed\n");
	}

	@Test
	void optionsDefaultFromGraychainEnvironmentVariables() throws IOException {
		String url = gateway(0);
		Map<String, String> env = new HashMap<>(Map.of("GRAYCHAIN_URL", url, "GRAYCHAIN_COUNT", "3", "GRAYCHAIN_HOST",
				"product.graychain.local", "GRAYCHAIN_PATH", "/product", "GRAYCHAIN_LANES", "product"));

		ScriptRun run = loop(env);

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.outLines().get(0)).isEqualTo("GET /product Host: product.graychain.local from gateway via " + url + ", 3 requests");
		assertThat(seen).hasSize(3).containsOnly(new Seen("product.graychain.local", "/product"));

		ScriptRun overridden = loop(env, "-n", "1", "--path", "/other");

		assertThat(overridden.exit()).as(overridden.toString()).isZero();
		assertThat(seen).hasSize(4).endsWith(new Seen("product.graychain.local", "/other"));
	}

	@Test
	void badInputExitsTwoWithOneLineAndSendsNothing() throws IOException {
		String url = gateway(0);

		for (String[] args : List.of(new String[] { "--url", url, "-n", "many" }, new String[] { "--url", url, "--frobnicate" },
				new String[] { "--url", url, "-n", "2", "-H", "no colon" }, new String[] { "--url", url, "-n", "-1" },
				new String[] { "--url", url, "--from", "product-v1", "-n", "2" },
				new String[] { "--url", url, "-n", "2", "--concurrency", "65" }, new String[] { "--url", url, "--concurrency", "0" })) {
			ScriptRun run = loop(Map.of(), args);

			assertThat(run.exit()).as(run.toString()).isEqualTo(2);
			assertThat(run.out()).as(run.toString()).isEmpty();
			assertThat(run.err().lines()).as(run.toString()).singleElement().asString().startsWith("loop: ")
				.doesNotContain("Exception").doesNotContain("io.graychain");
		}
		assertThat(seen).isEmpty();
	}

	/**
	 * {@code --concurrency 4}: four requests in flight at once (the stand-in holds each until four
	 * are in), Envoy's overflow and no-healthy-upstream replies tallied with their flags, and the
	 * statuses counted.
	 */
	@Test
	void concurrencyKeepsThatManyRequestsInFlightAndTalliesOverflowsByFlag() throws Exception {
		java.util.concurrent.CountDownLatch four = new java.util.concurrent.CountDownLatch(4);
		AtomicInteger count = new AtomicInteger();
		gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
		gateway.setExecutor(threads);
		gateway.createContext("/", exchange -> {
			try (exchange) {
				int n = count.incrementAndGet();
				four.countDown();
				boolean together = four.await(20, java.util.concurrent.TimeUnit.SECONDS);
				int status = !together ? 500 : n % 4 == 1 ? 503 : 200;
				String text = !together ? "not four at once" : n % 8 == 1 ? "no healthy upstream"
						: n % 4 == 1 ? "upstream connect error or disconnect/reset before headers. reset reason: overflow"
								: "product:v1";
				byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, body.length);
				exchange.getResponseBody().write(body);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		gateway.start();
		try {
			ScriptRun run = loop(Map.of(), "--url", "http://127.0.0.1:" + gateway.getAddress().getPort(), "-n", "16",
					"--concurrency", "4", "--plain");

			assertThat(run.exit()).as(run.toString()).isEqualTo(1);
			assertThat(run.outLines().get(0)).endsWith(", 16 requests, 4 at once");
			assertThat(run.out()).doesNotContain("HTTP 500").contains("statuses: 200 x12 503 x4")
				.containsPattern("HTTP 503 UO +2 ").containsPattern("HTTP 503 UH +2 ");
			assertThat(count.get()).isEqualTo(16);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
