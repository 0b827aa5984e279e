package io.graychain.meshlab.lab.daemon;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.graychain.meshlab.lab.http.Causes;
import io.graychain.meshlab.lab.http.LocalReply;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What the lab's admin endpoint and its dashboard share in handling a call, behind
 * {@link AdminGuard.Guarded}: a reading call takes GET or HEAD, a changing one POST (else 405 with
 * {@code Allow}); a changing call carries the lab's token (else 403); a body is read without holding
 * a thread, bounded in size (413) and time (408).
 */
abstract class LabCalls extends Handler.Abstract {

	private final byte[] token;

	private final String withoutToken;

	/**
	 * @param token the lab's secret
	 * @param withoutToken what a changing call without it is told
	 */
	LabCalls(String token, String withoutToken) {
		this.token = ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
		this.withoutToken = withoutToken;
	}

	/**
	 * True when the call may go on: a reading one ({@code changing} false) by GET or HEAD, a changing
	 * one by POST with the lab's token. Otherwise it is answered here (405 or 403) and false returned.
	 */
	protected boolean admitted(Request request, Response response, Callback callback, boolean changing) {
		String method = request.getMethod();
		if (!changing && !"GET".equals(method) && !"HEAD".equals(method)) {
			response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
			LocalReply.send(response, callback, 405, "use GET");
			return false;
		}
		if (changing && !"POST".equals(method)) {
			response.getHeaders().put(HttpHeader.ALLOW, "POST");
			LocalReply.send(response, callback, 405, "use POST");
			return false;
		}
		if (changing && !AdminGuard.carries(request, token)) {
			LocalReply.send(response, callback, 403, withoutToken);
			return false;
		}
		return true;
	}

	/**
	 * Reads the body, at most {@code max} bytes within {@code within}, and hands it to {@code then};
	 * a body too large (413) or too slow (408) is answered here.
	 */
	protected static void readBody(Request request, Response response, Callback callback, int max, Duration within,
			Consumer<String> then) {
		if (request.getLength() > max) {
			LocalReply.send(response, callback, 413, "body larger than " + max + " bytes");
			return;
		}
		Content.Source.asByteArrayAsync(request, max).orTimeout(within.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((body, failure) -> {
				if (failure != null) {
					request.fail(failure);
					if (Causes.causedBy(failure, TimeoutException.class)) {
						LocalReply.send(response, callback, 408, "the body did not arrive within " + within.toMillis() + " ms");
					}
					else {
						LocalReply.send(response, callback, 413, "body larger than " + max + " bytes, or cut off");
					}
					return;
				}
				then.accept(new String(body, StandardCharsets.UTF_8));
			});
	}

}
