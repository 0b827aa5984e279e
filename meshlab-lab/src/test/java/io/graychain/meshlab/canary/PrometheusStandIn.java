package io.graychain.meshlab.canary;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in for Prometheus' HTTP API: answers {@code GET <path>/api/v1/query} with a recorded
 * JSON answer chosen by the query, and keeps every query it received.
 */
final class PrometheusStandIn implements AutoCloseable {

	/** A recorded answer: an HTTP status and a fixture of src/test/resources/canary/prometheus. */
	record Answer(int status, String fixture) {
	}

	private final HttpServer server;

	private final String path;

	private final List<String> queries = new CopyOnWriteArrayList<>();

	PrometheusStandIn(String path, Function<String, Answer> answers) throws IOException {
		this.path = path;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		server.createContext(path + "/api/v1/query", exchange -> {
			String raw = exchange.getRequestURI().getRawQuery();
			String query = URLDecoder.decode(raw.substring(raw.indexOf("query=") + "query=".length()), StandardCharsets.UTF_8);
			queries.add(query);
			Answer answer = answers.apply(query);
			byte[] body = Fixtures.text("canary/prometheus/" + answer.fixture()).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	List<String> queries() {
		return List.copyOf(queries);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
