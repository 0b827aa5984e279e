package io.graychain.meshlab.lab.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.graychain.meshlab.route.HttpRequest;

/**
 * A loopback HTTP proxy that routes with a {@link Router}: the ingress gateway (requests in origin
 * form, {@code GET /path} with a Host header) or one workload's sidecar (an HTTP forward proxy, the
 * absolute form {@code GET http://appb:8000/path} that a JDK client pointed at it sends).
 */
public final class ProxyServer implements AutoCloseable {

	private final HttpServer server;

	private final String from;

	private final Router router;

	private final Forwarder forwarder;

	private ProxyServer(HttpServer server, String from, Router router, Forwarder forwarder) {
		this.server = server;
		this.from = from;
		this.router = router;
		this.forwarder = forwarder;
	}

	/**
	 * Listens on {@code port} of the loopback interface (0: any free port).
	 *
	 * @param from {@link Router#GATEWAY} or the Deployment name of the workload this sidecar belongs to
	 */
	public static ProxyServer start(String from, int port, Router router, Forwarder forwarder, ExecutorService executor) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
			ProxyServer proxy = new ProxyServer(server, from, router, forwarder);
			server.createContext("/", proxy::handle);
			server.setExecutor(executor);
			server.start();
			return proxy;
		}
		catch (BindException ex) {
			throw new PortInUseException(port, Router.GATEWAY.equals(from) ? "the ingress gateway"
					: Router.GATEWAY_API.equals(from) ? "the Gateway API gateway" : "the sidecar of " + from);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			String host = uri.getRawAuthority() != null ? uri.getRawAuthority() : exchange.getRequestHeaders().getFirst("Host");
			String pathAndQuery = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
					+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			Map<String, List<String>> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
			headers.putIfAbsent("x-request-id", List.of(UUID.randomUUID().toString()));
			Routed routed = router.route(from, request(exchange.getRequestMethod(), host == null ? "" : host, pathAndQuery, headers));
			byte[] body = exchange.getRequestBody().readAllBytes();
			Forwarder.Reply reply = routed.routed()
					? forwarder.forward(routed.endpoint(), exchange.getRequestMethod(), host, pathAndQuery, headers, body)
					: Forwarder.Reply.error(routed.status(), routed.reason());
			send(exchange, reply);
		}
	}

	static HttpRequest request(String method, String host, String pathAndQuery, Map<String, List<String>> headers) {
		HttpRequest parsed = HttpRequest.get(host, pathAndQuery);
		Map<String, String> first = new LinkedHashMap<>();
		headers.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
		return new HttpRequest(host, parsed.path(), method, first, parsed.query());
	}

	private static void send(HttpExchange exchange, Forwarder.Reply reply) throws IOException {
		reply.headers().forEach((name, values) -> {
			if (!Forwarder.HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
				exchange.getResponseHeaders().put(name, values);
			}
		});
		boolean noBody = reply.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
		if (!noBody) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(reply.body());
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
