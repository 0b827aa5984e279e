package io.graychain.meshlab.lab.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A client that sends bytes as they are, for what a hostile or broken client sends: bad escapes,
 * control characters, too many headers, a request line with {@code //}. Reads the reply until the
 * server closes (every request here says {@code Connection: close} or is refused), bounded in time.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** A reply as text: its status, its head (lower case) and its body. */
	public record Reply(int status, String head, String body) {

		public boolean hasHeader(String name, String value) {
			return head.contains("\r\n" + name.toLowerCase(Locale.ROOT) + ": " + value.toLowerCase(Locale.ROOT));
		}

	}

	public static Reply send(int port, String request) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no reply from port " + port, ex);
		}
	}

	/** {@code GET target} with {@code Host: host}, extra header lines (each ending in CRLF), closed after. */
	public static Reply get(int port, String target, String host, String headerLines) {
		return send(port, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + headerLines + "Connection: close\r\n\r\n");
	}

	public static Reply parse(String text) {
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			throw new IllegalStateException("not an HTTP reply (the connection was dropped?): '" + text + "'");
		}
		return new Reply(Integer.parseInt(text.substring(9, 12)), text.substring(0, end + 2).toLowerCase(Locale.ROOT),
				text.substring(end + 4));
	}

}
