package io.graychain.meshlab.lab.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 GET on a new connection, closed after the reply ({@code Connection: close}), so that
 * no keep-alive connection can pin a client to one pod and skew a split. The Host header is free to
 * set (gateway routing by host), and the request target may be absolute (a sidecar is a forward proxy).
 */
public final class OneShotHttp {

	private OneShotHttp() {
	}

	/** A reply: the status and the body as text ({@code status} 0 with the error when no reply came). */
	public record Reply(int status, String body) {

		public boolean ok() {
			return status == 200;
		}

	}

	/**
	 * Connects to {@code address}, sends {@code GET target} with {@code Host: host} and {@code headers}.
	 *
	 * @param target {@code /path?query}, or {@code http://host/path?query} for a forward proxy
	 */
	public static Reply get(InetSocketAddress address, String target, String host, Map<String, String> headers,
			Duration timeout) {
		try (Socket socket = new Socket()) {
			socket.connect(address, (int) timeout.toMillis());
			socket.setSoTimeout((int) timeout.toMillis());
			StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: ").append(host)
				.append("\r\nConnection: close\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("accept"))) {
				request.append("Accept: text/plain\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			return new Reply(0, "no reply: " + ex.getMessage());
		}
	}

	/** Parses a whole HTTP/1.1 response read until the connection closed (chunked bodies decoded). */
	static Reply parse(byte[] raw) throws IOException {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/") || end < 0) {
			throw new IOException("not an HTTP reply: " + text.substring(0, Math.min(60, text.length())));
		}
		String head = text.substring(0, end);
		int status = Integer.parseInt(head.substring(9, 12));
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
			body = dechunk(body);
		}
		return new Reply(status, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		InputStream in = new java.io.ByteArrayInputStream(body);
		while (true) {
			String sizeLine = line(in);
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			if (size == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(size));
			line(in);
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		if (c == -1 && line.isEmpty()) {
			throw new IOException("chunked body ends early");
		}
		return line.toString();
	}

}
