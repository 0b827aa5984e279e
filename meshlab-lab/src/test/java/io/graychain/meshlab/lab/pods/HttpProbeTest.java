package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's readiness probe decides as the kubelet's HTTP probe does: a status from 200 to 399 is
 * success, anything else or no answer is failure (kubernetes/kubernetes pkg/probe/http/http.go,
 * {@code DoHTTPProbe}); it sends the kubelet's {@code Accept: *}{@code /*} (Spring Boot's health
 * endpoint answers 406 to an Accept it cannot produce) and reads no more than the status line.
 */
class HttpProbeTest {

	static final Duration TIMEOUT = Duration.ofSeconds(1);

	HttpServer server;

	ServerSocket raw;

	@AfterEach
	void stop() throws IOException {
		if (server != null) {
			server.stop(0);
		}
		if (raw != null) {
			raw.close();
		}
	}

	@Test
	void twoHundredTo399IsReadyAndAnythingElseIsNot() throws IOException {
		Map<String, String> seen = new ConcurrentHashMap<>();
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
		// /status/NNN answers NNN
		server.createContext("/status/", exchange -> {
			seen.put(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Accept") + " "
					+ exchange.getRequestHeaders().getFirst("User-Agent"));
			exchange.sendResponseHeaders(Integer.parseInt(exchange.getRequestURI().getPath().substring(8)), -1);
			exchange.close();
		});
		server.start();
		int port = server.getAddress().getPort();
		for (int status : new int[] { 200, 204, 302, 399 }) {
			assertThat(HttpProbe.ready(port, "/status/" + status, TIMEOUT)).as("%d", status).isTrue();
		}
		for (int status : new int[] { 400, 404, 406, 500, 503 }) {
			assertThat(HttpProbe.ready(port, "/status/" + status, TIMEOUT)).as("%d", status).isFalse();
		}
		assertThat(seen.get("/status/200")).startsWith("*/* kube-probe/");
	}

	@Test
	void aPortNobodyListensOnIsNotReady() {
		assertThat(HttpProbe.ready(FreePort.find(), "/ready", TIMEOUT)).isFalse();
	}

	@Test
	void theStatusLineIsEnoughAndInterimRepliesAreSkipped() throws IOException {
		// a 100 Continue first, then 200 with a body that never ends on a connection left open
		answer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\nstill", true);
		long started = System.nanoTime();
		assertThat(HttpProbe.status(raw.getLocalPort(), "/ready", TIMEOUT)).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
	}

	@Test
	void noStatusLineInTimeOrNotHttpIsNotReady() throws IOException {
		answer("HTTP/1.1 20", true);
		assertThat(HttpProbe.status(raw.getLocalPort(), "/ready", Duration.ofMillis(300))).isZero();
		raw.close();
		answer("SSH-2.0-OpenSSH_9.6\r\n", false);
		assertThat(HttpProbe.status(raw.getLocalPort(), "/ready", TIMEOUT)).isZero();
	}

	/** A server on a raw socket that reads the request, writes {@code reply}, and keeps the connection open or not. */
	private void answer(String reply, boolean keepOpen) throws IOException {
		raw = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
		ServerSocket listening = raw;
		Thread thread = new Thread(() -> {
			try (Socket socket = listening.accept()) {
				InputStream in = socket.getInputStream();
				byte[] request = new byte[4096];
				in.read(request);
				OutputStream out = socket.getOutputStream();
				out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				if (keepOpen) {
					// until the probe closes it or the test closes the server
					in.read(request);
				}
			}
			catch (IOException closed) {
				// the test is over
			}
		}, "probe-test-server");
		thread.setDaemon(true);
		thread.start();
	}

}
