package io.graychain.meshlab.lab.pods;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A pod's HTTP readiness probe, decided as the kubelet's is (kubernetes/kubernetes
 * pkg/probe/http/http.go, {@code DoHTTPProbe}): a GET of the path on 127.0.0.1 that answers with a
 * status from 200 to 399 within the timeout succeeds; anything else, no listener, no answer in time
 * or a reply that is not HTTP fails. It sends the kubelet's {@code Accept: *}{@code /*} and a
 * {@code kube-probe} User-Agent (pkg/probe/http/request.go). Only the status line is read, within
 * one deadline, then the connection is closed: a body, however long, a server that keeps the
 * connection open or trickles bytes cost no more than the timeout. Interim 1xx replies are skipped,
 * as Go's HTTP client does. A redirect is not followed: it counts as success, as the kubelet counts
 * one it does not follow; the services never redirect their readiness path. A plain socket rather
 * than the JDK's HttpClient: starting pods are probed every 50 ms, on the cores they start on.
 */
final class HttpProbe {

	/** The longest status or header line read: a longer one is not an HTTP reply worth waiting for. */
	private static final int MAX_LINE = 8192;

	private HttpProbe() {
	}

	/** True when GET {@code path} on 127.0.0.1:{@code port} answers 200–399 within {@code timeout}. */
	static boolean ready(int port, String path, Duration timeout) {
		int status = status(port, path, timeout);
		return status >= 200 && status < 400;
	}

	/** The final status of GET {@code path}, or 0 when none came within {@code timeout}. */
	static int status(int port, String path, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Math.max(1, timeout.toMillis()));
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: kube-probe/graychain-lab\r\n"
					+ "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			while (true) {
				int status = statusOf(line(socket, in, deadline));
				if (status >= 200 || status < 100) {
					return status;
				}
				// an interim reply (100 Continue, 103 Early Hints): its headers, then the real one
				while (!line(socket, in, deadline).isEmpty()) {
					// skipped
				}
			}
		}
		catch (IOException notAnHttpReplyInTime) {
			return 0;
		}
	}

	/** {@code HTTP/1.x NNN reason}: NNN, else 0. */
	private static int statusOf(String line) {
		if (!line.matches("HTTP/1\\.[01] [0-9]{3}( .*)?")) {
			return 0;
		}
		return Integer.parseInt(line.substring(9, 12));
	}

	/** One line without its CRLF, read before the deadline. */
	private static String line(Socket socket, InputStream in, long deadline) throws IOException {
		StringBuilder line = new StringBuilder();
		while (true) {
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				throw new IOException("no reply in time");
			}
			socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
			int c = in.read();
			if (c == -1) {
				throw new IOException("closed before a whole line");
			}
			if (c == '\n') {
				int end = line.length();
				return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
			}
			if (line.length() >= MAX_LINE) {
				throw new IOException("a line of more than " + MAX_LINE + " bytes");
			}
			line.append((char) c);
		}
	}

}
