package io.graychain.meshlab.canary;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/** A loopback stand-in for an ingress gateway: answers 200 and keeps the Host and target of every request. */
final class GatewayStandIn implements AutoCloseable {

	private final HttpServer server;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final CountDownLatch first = new CountDownLatch(1);

	GatewayStandIn() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		server.createContext("/", exchange -> {
			requests.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI());
			byte[] body = "product:v2".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
			first.countDown();
		});
		server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	/** Waits (at most {@code within}) until a request came; true when one did. */
	boolean awaitRequest(Duration within) throws InterruptedException {
		return first.await(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** {@code <host> <target>} of every request. */
	List<String> requests() {
		return List.copyOf(requests);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
