package io.graychain.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small loopback HTTP client for tests that must send exactly the headers a browser, curl or
 * Envoy would (cookies, trace context), with bounded timeouts.
 */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private Http() {
	}

	/** GET {@code url} with header name/value pairs. */
	public static HttpResponse<String> get(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a request target exactly as written (as curl does with {@code ?name=<b>}, which
	 * {@link URI} refuses) and returns the status code and the body after the headers.
	 */
	public static RawReply rawGet(int port, String target) {
		return raw(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
	}

	/**
	 * Sends {@code request} (request line, headers and the blank line, exactly as written, so that
	 * a test can send a malformed header) and returns the status code and the body.
	 */
	public static RawReply raw(int port, String request) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(15_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(reply.substring(9, 12));
			int bodyStart = reply.indexOf("\r\n\r\n");
			return new RawReply(status, (bodyStart < 0) ? "" : reply.substring(bodyStart + 4));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Status and body of a {@link #rawGet} (the body may still be chunk-framed). */
	public record RawReply(int status, String body) {
	}

	/** The URL of a loopback port nothing listens on: a downstream that is down. */
	public static String closedPortUrl() {
		return "http://127.0.0.1:" + closedPort();
	}

	/** A loopback port nothing listens on (it was free a moment ago). */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
