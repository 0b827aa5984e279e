package io.graychain.meshlab.lab.daemon;

import java.util.Locale;
import java.util.Set;

import io.graychain.meshlab.lab.http.LocalReply;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What keeps web pages away from a lab-owned port: a request must name this server by its loopback
 * address and port ({@code Host: 127.0.0.1:<port>}, {@code localhost:<port>} or {@code [::1]:<port>}),
 * else it was sent to another name that resolves here (DNS rebinding) and is answered 421; and a
 * request that says where it comes from ({@code Origin}) must come from this same origin, else 403.
 */
final class AdminGuard {

	private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

	private AdminGuard() {
	}

	/** Null when the request may pass, else the status to refuse it with. */
	static Integer refusal(Request request) {
		int port = Request.getLocalPort(request);
		HttpURI uri = request.getHttpURI();
		if (!isLoopback(uri.getHost(), uri.getPort(), port)) {
			return 421;
		}
		String origin = request.getHeaders().get(HttpHeader.ORIGIN);
		if (origin != null && !isSameOrigin(origin, port)) {
			return 403;
		}
		return null;
	}

	/** True when the request carries {@code expected} ({@code Bearer <token>}) in Authorization, compared in constant time. */
	static boolean carries(Request request, byte[] expected) {
		String sent = request.getHeaders().get(HttpHeader.AUTHORIZATION);
		return sent != null && java.security.MessageDigest.isEqual(expected, sent.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	static boolean isLoopback(String host, int hostPort, int port) {
		return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT)) && hostPort == port;
	}

	static boolean isSameOrigin(String origin, int port) {
		String lower = origin.toLowerCase(Locale.ROOT);
		return LOOPBACK.stream().anyMatch(host -> lower.equals("http://" + host + ":" + port));
	}

	/** A handler behind the guard. */
	static final class Guarded extends Handler.Wrapper {

		Guarded(Handler handler) {
			super(handler);
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) throws Exception {
			Integer refusal = refusal(request);
			if (refusal != null) {
				LocalReply.send(response, callback, refusal, refusal == 421
						? "this port answers only to 127.0.0.1, localhost or [::1] with its port in Host"
						: "requests from other origins are refused");
				return true;
			}
			return super.handle(request, response, callback);
		}

	}

}
