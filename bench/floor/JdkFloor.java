import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.sun.net.httpserver.HttpServer;

/**
 * The floor of scripts/bench-startup: the JDK's own HTTP server answering 200 on every path (the
 * readiness path included). Once it listens it prints a line in the shape of Spring's readiness
 * line (an ISO time stamp first), so that it is timed exactly like a service.
 * Usage: java -cp DIR JdkFloor PORT
 */
public final class JdkFloor {

	private JdkFloor() {
	}

	public static void main(String[] args) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
		byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		System.out.println(Instant.now() + " JdkFloor ReadinessState changed to ACCEPTING_TRAFFIC");
	}

}
