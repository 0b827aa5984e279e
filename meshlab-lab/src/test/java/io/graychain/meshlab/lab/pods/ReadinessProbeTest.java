package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's readiness probe decides as the kubelet's HTTP probe does: a status from 200 to 399 is
 * success, anything else or no answer is failure (kubernetes/kubernetes pkg/probe/http/http.go,
 * {@code DoHTTPProbe}), and it sends the kubelet's {@code Accept: *}{@code /*}: Spring Boot's health
 * endpoint answers 406 to an Accept it cannot produce.
 */
class ReadinessProbeTest {

	HttpServer server;

	final Map<String, String> accept = new ConcurrentHashMap<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
		// /status/NNN answers NNN
		server.createContext("/status/", exchange -> {
			accept.put(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Accept")
					+ " " + exchange.getRequestHeaders().getFirst("User-Agent"));
			exchange.sendResponseHeaders(Integer.parseInt(exchange.getRequestURI().getPath().substring(8)), -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void twoHundredTo399IsReadyAndAnythingElseIsNot() {
		int port = server.getAddress().getPort();
		assertThat(PodProcess.probe(port, "/status/200")).isTrue();
		assertThat(PodProcess.probe(port, "/status/204")).isTrue();
		assertThat(PodProcess.probe(port, "/status/302")).isTrue();
		assertThat(PodProcess.probe(port, "/status/399")).isTrue();
		assertThat(PodProcess.probe(port, "/status/400")).isFalse();
		assertThat(PodProcess.probe(port, "/status/406")).isFalse();
		assertThat(PodProcess.probe(port, "/status/503")).isFalse();
		assertThat(PodProcess.probe(port, "/status/199")).isFalse();
		assertThat(accept.get("/status/200")).startsWith("*/* kube-probe/");
	}

	@Test
	void aPortNobodyListensOnIsNotReady() {
		assertThat(PodProcess.probe(FreePort.find(), "/status/200")).isFalse();
	}

}
