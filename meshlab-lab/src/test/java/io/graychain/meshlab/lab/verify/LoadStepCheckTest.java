package io.graychain.meshlab.lab.verify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.scenario.ExpectationReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * expect.yaml's load step ({@code concurrency}, {@code count}) with {@code statuses}, checked against
 * a loopback stand-in for the gateway that answers every fourth request with Envoy's overflow.
 */
class LoadStepCheckTest {

	@TempDir
	Path dir;

	private final AtomicInteger served = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	private HttpServer gateway;

	@BeforeEach
	void start() throws Exception {
		gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		gateway.setExecutor(threads);
		gateway.createContext("/", exchange -> {
			try (exchange) {
				mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				boolean overflow = served.incrementAndGet() % 4 == 0;
				byte[] body = ((overflow ? "upstream connect error or disconnect/reset before headers. reset reason: overflow"
						: "product:v1") + "\n").getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(overflow ? 503 : 200, body.length);
				exchange.getResponseBody().write(body);
			}
			finally {
				inFlight.decrementAndGet();
			}
		});
		gateway.start();
	}

	@AfterEach
	void stop() {
		gateway.stop(0);
		threads.shutdownNow();
	}

	private LiveReport verify(String requests) throws Exception {
		Path expect = Files.writeString(dir.resolve("expect.yaml"), "goal: Test.\nrequests:\n" + requests);
		Sender sender = new Sender(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()), Map.of(), Duration.ofSeconds(10));
		return new LiveVerifier(sender, Set.of("product"), LiveVerifier.Settings.DEFAULT).verify("test", ExpectationReader.read(expect));
	}

	@Test
	void aLoadStepSendsCountRequestsAndChecksStatusesAndTheChainOfThe200s() throws Exception {
		LiveReport report = verify("""
				  - name: load
				    entry: gateway
				    host: product.graychain.local
				    path: /product
				    chain: "product:v1"
				    concurrency: 4
				    count: 40
				    statuses: {"200": some, "503": some}
				""");

		assertThat(report.passed()).as(report.text()).isTrue();
		assertThat(served.get()).isEqualTo(40);
		assertThat(mostInFlight.get()).isLessThanOrEqualTo(4);
		assertThat(report.text()).contains("40 requests, 4 at once").containsPattern("status 503 +10/40 +expected some");
	}

	@Test
	void aStatusThatNeverShowsOrOneNotNamedFails() throws Exception {
		LiveReport report = verify("""
				  - name: load
				    entry: gateway
				    host: product.graychain.local
				    chain: "product:v1"
				    concurrency: 2
				    count: 8
				    statuses: {"200": some, "504": some}
				""");

		assertThat(report.passed()).isFalse();
		assertThat(report.text()).containsPattern("x status 504 +0/8 +expected some").containsPattern("x status 503 +2/8 +unexpected");
	}

}
