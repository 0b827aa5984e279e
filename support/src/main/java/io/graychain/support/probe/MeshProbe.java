package io.graychain.support.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests from inside a pod, as the pod's own app would: {@code scripts/verify --cluster}
 * runs it in the app container of a workload (never in its {@code istio-proxy} container, whose
 * traffic bypasses the sidecar), so that the workload's Istio sidecar routes each request with that
 * workload's labels, as {@code sourceLabels} rules need:
 *
 * <pre>{@code
 * kubectl exec -n graychain deploy/product-v1 -c app -- java <flags> -cp @/app/jib-classpath-file \
 *     io.graychain.support.probe.MeshProbe --count 20 --deadline 60 http://appa:8000/
 * }</pre>
 *
 * with the JVM flags of meshlab's {@code io.graychain.meshlab.lab.cluster.ProbeCommand}, which builds
 * this command: its {@code JVM_FLAGS} (a small heap among them) are the ones to read, not repeated here.
 *
 * <p>Every image holds the probe (the support library is in every service's classpath). It starts no Spring
 * context and uses only the JDK, so that it runs with a small heap next to the app. Each request goes
 * on a new connection ({@code Connection: close}), so that no kept-alive connection pins the requests
 * to one pod and skews a weighted split. One line per request on stdout, in order: the first line of
 * a 2xx reply (the chain, e.g. {@code appa:v1 > appb:v1}); {@code ! HTTP <status> <first line>} for
 * any other status; {@code ! no reply: <problem>} when none came within the timeouts. With
 * {@code --deadline SECONDS} (counted from the probe's start) it sends nothing once the deadline has
 * passed, gives up on a request still in flight then, prints {@code ! no reply: deadline} for each of
 * them, and exits: so it always ends in time, even when the {@code kubectl exec} that started it was
 * stopped (stopping kubectl does not stop the probe in the pod). Exit 0 when every request was sent
 * or given up on (whatever the replies), 2 on a usage mistake.
 */
public final class MeshProbe {

	/** The line of a request that the deadline left without a reply (not sent, or still in flight). */
	public static final String DEADLINE = "! no reply: deadline";

	/** How much of a reply is read: its first line is all that is printed. */
	private static final int MAX_READ = 8 * 1024;

	private static final int MAX_LINE = 300;

	private MeshProbe() {
	}

	public static void main(String[] args) {
		// before any connection: no keep-alive cache, and every request says Connection: close
		System.setProperty("http.keepAlive", "false");
		ProbeOptions options;
		try {
			options = ProbeOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("MeshProbe: " + ex.getMessage());
			System.err.println(ProbeOptions.USAGE);
			System.exit(2);
			return;
		}
		run(options, System.out);
	}

	/**
	 * Sends the requests one after the other and prints one line each; with a deadline, every request
	 * not answered by then gets {@link #DEADLINE}.
	 */
	static void run(ProbeOptions options, PrintStream out) {
		if (options.deadlineSeconds() == ProbeOptions.NO_DEADLINE) {
			for (int i = 0; i < options.count(); i++) {
				print(out, send(options));
			}
			return;
		}
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.deadlineSeconds());
		ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
			// a request still in flight at the deadline must not keep the JVM running
			Thread thread = new Thread(task, "probe-request");
			thread.setDaemon(true);
			return thread;
		});
		try {
			for (int i = 0; i < options.count(); i++) {
				print(out, sendBefore(end, options, sender));
			}
		}
		finally {
			sender.shutdownNow();
		}
	}

	/** One request, if there is time left before {@code end} ({@link System#nanoTime()}), and its line. */
	private static String sendBefore(long end, ProbeOptions options, ExecutorService sender) {
		long left = end - System.nanoTime();
		if (left <= 0) {
			return DEADLINE;
		}
		Future<String> line = sender.submit(() -> send(options));
		try {
			return line.get(left, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			line.cancel(true);
			return DEADLINE;
		}
		catch (ExecutionException ex) {
			return "! no reply: " + oneLine(String.valueOf(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DEADLINE;
		}
	}

	private static void print(PrintStream out, String line) {
		out.println(line);
		out.flush();
	}

	/** One request on a new connection; its line. */
	static String send(ProbeOptions options) {
		HttpURLConnection connection = null;
		try {
			connection = (HttpURLConnection) options.url().toURL().openConnection();
			connection.setConnectTimeout(options.connectTimeoutMillis());
			connection.setReadTimeout(options.readTimeoutMillis());
			connection.setInstanceFollowRedirects(false);
			connection.setUseCaches(false);
			connection.setRequestProperty("Accept", "text/plain");
			options.headers().forEach(connection::setRequestProperty);
			int status = connection.getResponseCode();
			boolean ok = status >= 200 && status < 300;
			String first = firstLine(ok ? connection.getInputStream() : connection.getErrorStream());
			return ok ? first : ("! HTTP " + status + (first.isEmpty() ? "" : " " + first));
		}
		catch (IOException | RuntimeException ex) {
			String problem = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			return "! no reply: " + oneLine(problem);
		}
		finally {
			if (connection != null) {
				connection.disconnect();
			}
		}
	}

	/** The first non-blank line of a reply body (read up to {@link #MAX_READ} bytes), or "". */
	private static String firstLine(InputStream body) throws IOException {
		if (body == null) {
			return "";
		}
		try (body) {
			String text = new String(body.readNBytes(MAX_READ), StandardCharsets.UTF_8);
			return oneLine(text.strip().lines().findFirst().orElse(""));
		}
	}

	/** {@code text} as one printable line of at most {@link #MAX_LINE} characters. */
	private static String oneLine(String text) {
		String line = text.replaceAll("[\\p{Cntrl}]+", " ").strip();
		return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
	}

}
