package io.graychain.meshlab.lab.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A reply the lab's own servers write themselves, the way Envoy writes a local reply
 * ({@code source/common/http/utility.cc}, {@code Utility::sendLocalReply}): a status, a short
 * {@code text/plain} body, and nothing of the server's internals. Every one also says
 * {@code x-content-type-options: nosniff}, so that no browser reads it as a page.
 */
public final class LocalReply {

	public static final HttpField NOSNIFF = new HttpField("x-content-type-options", "nosniff");

	static final HttpField TEXT_PLAIN = new HttpField(HttpHeader.CONTENT_TYPE, "text/plain");

	private LocalReply() {
	}

	/** Writes {@code status} with {@code body} (a line; empty for no body) and completes {@code callback}. */
	public static void send(Response response, Callback callback, int status, String body) {
		response.setStatus(status);
		response.getHeaders().put(NOSNIFF);
		byte[] bytes = body.isEmpty() ? new byte[0] : (body.endsWith("\n") ? body : body + "\n").getBytes(StandardCharsets.UTF_8);
		if (bytes.length > 0) {
			response.getHeaders().put(TEXT_PLAIN);
		}
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
		response.write(true, ByteBuffer.wrap(bytes), callback);
	}

	/** The reason phrase of {@code status} as the body, as Envoy's codec errors have it ({@code Bad Request}). */
	public static void sendStatus(Response response, Callback callback, int status) {
		send(response, callback, status, reason(status));
	}

	/** The headers of a reply to a request that could not be parsed, before any request exists. */
	static ByteBuffer badMessage(int status, HttpFields.Mutable fields) {
		fields.put(NOSNIFF);
		fields.put(TEXT_PLAIN);
		return ByteBuffer.wrap((reason(status) + "\n").getBytes(StandardCharsets.UTF_8));
	}

	public static String reason(int status) {
		String reason = HttpStatus.getMessage(status);
		return reason == null ? String.valueOf(status) : reason;
	}

	/** {@code text} reduced to visible ASCII and at most {@code max} characters: safe in a header or a log line. */
	public static String printable(String text, int max) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length() && out.length() < max; i++) {
			char c = text.charAt(i);
			out.append(c >= 0x20 && c < 0x7f ? c : '?');
		}
		return out.toString();
	}

}
