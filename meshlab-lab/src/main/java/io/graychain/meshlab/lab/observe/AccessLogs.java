package io.graychain.meshlab.lab.observe;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.graychain.meshlab.lab.proxy.ExchangeListener;
import io.graychain.meshlab.lab.proxy.ProxyExchange;

/**
 * The access log of each lab proxy, one file per proxy in the lab's {@code logs/} folder:
 * {@code gateway.access.log}, {@code graychain-http.access.log} and {@code POD.access.log} for the
 * sidecar of each pod. A sidecar's log has its pod's outbound requests and the inbound requests
 * that reached the pod (mirrored copies too), as an Istio sidecar logs both listeners. Each file is
 * bounded: past {@code maxBytes} it is moved to {@code NAME.access.log.1} (the one before dropped)
 * and started again, as a log rotation keeps one old file. Each file starts empty with the lab.
 */
public final class AccessLogs implements AutoCloseable {

	/** Each access log's bound before it is rotated: 4 MiB. */
	public static final long MAX_BYTES = 4L << 20;

	private final Path dir;

	private final long maxBytes;

	private final Map<String, Log> logs = new ConcurrentHashMap<>();

	public AccessLogs(Path dir, long maxBytes) {
		this.dir = dir;
		this.maxBytes = maxBytes;
	}

	/** The access log of proxy {@code name} (a pod, {@code gateway} or {@code graychain-http}) in {@code dir}. */
	public static Path file(Path dir, String name) {
		return dir.resolve(name + ".access.log");
	}

	/** The rotated access log before {@link #file}. */
	public static Path previous(Path dir, String name) {
		return dir.resolve(name + ".access.log.1");
	}

	/**
	 * The listener of the proxy {@code name}: its outbound line for each request it carried, the
	 * inbound line in the log of the pod that got it. A mirrored copy has only its inbound line:
	 * the caller's Envoy does not log a shadow (it leaves through the async client, outside the
	 * connection manager whose access log would).
	 */
	public ExchangeListener of(String name) {
		return exchange -> {
			if (!exchange.mirrored()) {
				write(name, AccessLogFormat.outbound(exchange));
			}
			String inbound = AccessLogFormat.inbound(exchange);
			if (inbound != null) {
				write(exchange.upstreamPod(), inbound);
			}
		};
	}

	void write(String name, String line) {
		logs.computeIfAbsent(name, Log::new).write(line);
	}

	@Override
	public void close() {
		logs.values().forEach(Log::close);
		logs.clear();
	}

	/** One proxy's file, written a line at a time, rotated past the bound. */
	private final class Log {

		private final String name;

		private BufferedWriter out;

		private long size;

		/** A log that failed once is written no more: the requests go on, the daemon says why once. */
		private boolean broken;

		Log(String name) {
			this.name = name;
		}

		synchronized void write(String line) {
			if (broken) {
				return;
			}
			try {
				byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
				if (out == null) {
					Files.createDirectories(dir);
					out = Files.newBufferedWriter(file(dir, name), StandardCharsets.UTF_8);
					size = 0;
				}
				else if (size + bytes.length > maxBytes) {
					out.close();
					Files.move(file(dir, name), previous(dir, name), StandardCopyOption.REPLACE_EXISTING);
					out = Files.newBufferedWriter(file(dir, name), StandardCharsets.UTF_8);
					size = 0;
				}
				out.write(line);
				out.write('\n');
				out.flush();
				size += bytes.length;
			}
			catch (IOException ex) {
				broken = true;
				System.err.println("lab: the access log of " + name + " is not written any more: " + ex.getMessage());
			}
		}

		synchronized void close() {
			try {
				if (out != null) {
					out.close();
				}
			}
			catch (IOException ex) {
				// closing: nothing more to do
			}
		}

	}

}
