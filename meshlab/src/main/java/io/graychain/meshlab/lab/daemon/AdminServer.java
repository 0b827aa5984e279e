package io.graychain.meshlab.lab.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.graychain.meshlab.lab.proxy.PortInUseException;

/**
 * The lab's admin endpoint on loopback, what {@code scripts/lab} talks to (plain text replies):
 * {@code GET /ready} (200 once every pod is ready, else 503 saying which are not), {@code GET /status},
 * {@code GET /sidecars} ({@code <workload> <port>} lines), {@code GET /lanes} (services with more than
 * one version), {@code POST /apply} (body: scenario name or path; 409 when refused), {@code POST /apply-gateway-api} (the
 * same for a scenario's Gateway API twin), {@code POST /reset},
 * {@code POST /set-env} (body: a Deployment, then one {@code NAME=VALUE} or {@code NAME-} per line; 400
 * when malformed, 409 when its new pods do not get ready), {@code POST /shutdown}.
 */
public final class AdminServer implements AutoCloseable {

	private final HttpServer server;

	private AdminServer(HttpServer server) {
		this.server = server;
	}

	/** Serves {@code lab} once it is there ({@code lab} answers null while it starts); {@code shutdown} stops it. */
	public static AdminServer start(int port, Supplier<Lab> lab, Runnable shutdown) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
			server.createContext("/ready", get(lab, l -> l.ready() ? reply(200, "ready") : reply(503, l.readiness())));
			server.createContext("/status", get(lab, l -> reply(200, l.status())));
			server.createContext("/sidecars", get(lab, l -> reply(200, l.sidecarPorts().entrySet().stream()
				.map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n")))));
			server.createContext("/lanes", get(lab, l -> reply(200, String.join("\n", l.laneServices()))));
			server.createContext("/apply", post(lab, (l, body) -> change(l.rules().apply(body.strip()))));
			server.createContext("/apply-gateway-api", post(lab, (l, body) -> change(l.rules().applyGatewayApi(body.strip()))));
			server.createContext("/reset", post(lab, (l, body) -> change(l.rules().reset())));
			server.createContext("/set-env", post(lab, AdminServer::setEnv));
			server.createContext("/shutdown", exchange -> {
				send(exchange, reply(202, "stopping"));
				Thread stopper = new Thread(shutdown, "lab-shutdown");
				stopper.start();
			});
			// a set-env waits for new pods to get ready: other requests (status) go on meanwhile
			server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
				Thread thread = new Thread(r, "lab-admin");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return new AdminServer(server);
		}
		catch (BindException ex) {
			throw new PortInUseException(port, "the lab's admin endpoint");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return server.getAddress().getPort();
	}

	private record Reply(int status, String text) {
	}

	private static Reply reply(int status, String text) {
		return new Reply(status, text);
	}

	private static Reply change(LabRules.Change change) {
		return reply(change.applied() ? 200 : 409, change.message());
	}

	/** {@code POST /set-env}: the first line names the Deployment, each further line is one change. */
	private static Reply setEnv(Lab lab, String body) {
		java.util.List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (lines.isEmpty()) {
			return reply(400, "usage: set-env DEPLOYMENT NAME=VALUE... [NAME-]");
		}
		try {
			return change(lab.setEnv(lines.get(0), lines.subList(1, lines.size())));
		}
		catch (IllegalArgumentException ex) {
			return reply(400, ex.getMessage());
		}
	}

	private static HttpHandler get(Supplier<Lab> lab, java.util.function.Function<Lab, Reply> action) {
		return exchange -> {
			Lab current = lab.get();
			send(exchange, current == null ? reply(503, "starting: reading the overlay") : action.apply(current));
		};
	}

	private static HttpHandler post(Supplier<Lab> lab, java.util.function.BiFunction<Lab, String, Reply> action) {
		return exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Lab current = lab.get();
			if (!"POST".equals(exchange.getRequestMethod())) {
				send(exchange, reply(405, "use POST"));
			}
			else {
				send(exchange, current == null ? reply(503, "starting: reading the overlay") : action.apply(current, body));
			}
		};
	}

	private static void send(HttpExchange exchange, Reply reply) throws IOException {
		try (exchange) {
			byte[] bytes = (reply.text().endsWith("\n") ? reply.text() : reply.text() + "\n").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
			exchange.sendResponseHeaders(reply.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
