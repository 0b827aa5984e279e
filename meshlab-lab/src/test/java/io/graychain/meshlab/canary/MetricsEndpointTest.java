package io.graychain.meshlab.canary;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scraping a metrics endpoint: a loopback stand-in serving a fixture scrape. */
class MetricsEndpointTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private HttpServer server;

	@BeforeEach
	void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		server.createContext("/metrics", exchange -> {
			byte[] body = Fixtures.text("canary/failing/scrape-1.prom").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.createContext("/down", exchange -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void scrapesTheEndpointForTheAnalysis() {
		MetricsEndpoint endpoint = new MetricsEndpoint(url("/metrics"), TIMEOUT);

		Figures figures = IntervalAnalysis.analyse(Fixtures.scrape("failing", 0), endpoint.get(),
				CanarySeries.version("graychain", "product", "v2"));

		assertThat(figures.successRate()).isEqualTo(70.0);
	}

	@Test
	void anEndpointThatDoesNotAnswerIsOneClearLine() {
		assertThatThrownBy(() -> new MetricsEndpoint(url("/down"), TIMEOUT).get()).isInstanceOf(CanaryException.class)
			.hasMessage("the metrics at " + url("/down") + " answered 503");
		assertThatThrownBy(() -> new MetricsEndpoint(URI.create("ftp://127.0.0.1/metrics"), TIMEOUT))
			.hasMessage("the metrics URL must be http://host[:port]/path, not ftp://127.0.0.1/metrics");
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

}
