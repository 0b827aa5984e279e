package io.graychain.meshlab.lab.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends a request on to the chosen pod and returns its reply, like Envoy's router: hop-by-hop
 * headers dropped, the original Host kept where the JDK allows it, upstream failures turned into
 * Envoy's 503 and 504 replies.
 */
public final class Forwarder {

	/** Headers of one connection, never forwarded (RFC 9110 7.6.1), plus those the HTTP client sets itself. */
	static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authorization",
			"proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");

	private final HttpClient client;

	private final Duration timeout;

	private final boolean keepHost;

	public Forwarder(Duration timeout) {
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY)
			.connectTimeout(Duration.ofSeconds(1)).build();
		this.timeout = timeout;
		String restricted = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
		this.keepHost = restricted.toLowerCase(Locale.ROOT).contains("host");
	}

	/** A reply to send back: status, headers (one value each), body. */
	public record Reply(int status, Map<String, List<String>> headers, byte[] body) {

		static Reply error(int status, String text) {
			return new Reply(status, Map.of("content-type", List.of("text/plain")), (text + "\n").getBytes());
		}

	}

	/** Sends {@code method pathAndQuery} with {@code headers} and {@code body} to {@code endpoint}. */
	public Reply forward(Endpoint endpoint, String method, String host, String pathAndQuery,
			Map<String, List<String>> headers, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + pathAndQuery))
			.timeout(timeout)
			.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach(v -> request.header(name, v));
			}
		});
		if (keepHost && host != null) {
			request.setHeader("Host", host);
		}
		try {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers().map(), response.body());
		}
		catch (HttpTimeoutException ex) {
			return Reply.error(504, "upstream request timeout");
		}
		catch (ConnectException ex) {
			return Reply.error(503, "upstream connect error or disconnect/reset before headers. reset reason: connection failure ("
					+ endpoint.pod() + ")");
		}
		catch (IOException ex) {
			return Reply.error(503, "upstream connect error or disconnect/reset before headers. reset reason: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Reply.error(503, "upstream request interrupted");
		}
	}

}
