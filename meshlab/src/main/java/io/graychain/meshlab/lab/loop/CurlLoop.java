package io.graychain.meshlab.lab.loop;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.graychain.meshlab.lab.Args;
import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.LabClient;
import io.graychain.meshlab.lab.client.Sender;

/**
 * {@code loop}: sends one request over and over, each on a new connection, and tallies the version
 * chains that answer. Live (redrawn on a terminal, {@code --live}) or plain (one chain per line), with
 * a summary at the end, also when interrupted. Exit 0 when every request got a complete chain.
 */
public final class CurlLoop {

	public static final String[] SWITCHES = { "live" };

	private static final long REDRAW_NANOS = 100_000_000L;

	/** Block characters for the bars where the terminal's encoding has them, {@code #} otherwise. */
	private static final boolean UNICODE = java.nio.charset.Charset.defaultCharset().newEncoder().canEncode('\u2588');

	private CurlLoop() {
	}

	/** Options: --url | --lab, --host, --path, --header, --cookie, --query, --count, --from, --lanes, --live, --timeout. */
	public static int run(Args args, PrintStream out) {
		Sender sender;
		Set<String> lanes;
		if (args.has("url")) {
			sender = new Sender(URI.create(args.get("url", "")), Map.of(), timeout(args));
			lanes = LabClient.lanes(args.get("lanes", ""));
		}
		else {
			LabClient lab = new LabClient(Path.of(args.get("lab", ".lab")));
			sender = new Sender(URI.create(lab.ingressUrl()), lab.sidecars(), timeout(args));
			lanes = args.has("lanes") ? LabClient.lanes(args.get("lanes", "")) : lab.lanes();
		}
		String entry = args.get("from", Sender.GATEWAY);
		if (!sender.canSend(entry)) {
			throw new IllegalArgumentException("no sidecar of workload '" + entry + "' to send from; workloads: " + sender.sidecars().keySet());
		}
		String host = args.get("host", null);
		if (host == null) {
			throw new IllegalArgumentException("--host is required, e.g. --host appa.graychain.local");
		}
		String target = Sender.pathAndQuery(args.get("path", "/"), pairs(args, "query", "="));
		Map<String, String> headers = Sender.withCookies(pairs(args, "header", ":"), pairs(args, "cookie", "="));
		int count = args.getInt("count", 0);
		boolean live = args.has("live");
		Tally tally = new Tally(lanes);
		AtomicBoolean done = new AtomicBoolean();
		Thread summary = new Thread(() -> finish(tally, live, out, done), "loop-summary");
		Runtime.getRuntime().addShutdownHook(summary);
		out.println("GET " + target + " Host: " + host + " from " + entry + " via " + sender.gateway()
				+ (count > 0 ? ", " + count + " requests" : ", until interrupted (Ctrl-C)"));
		long lastDraw = 0;
		int drawnLines = 0;
		for (int i = 0; count == 0 || i < count; i++) {
			ChainLine chain = ChainLine.of(sender.send(entry, host, target, headers));
			tally.count(chain);
			if (!live) {
				out.println(chain.text());
			}
			else if (System.nanoTime() - lastDraw > REDRAW_NANOS) {
				drawnLines = redraw(out, tally, drawnLines);
				lastDraw = System.nanoTime();
			}
		}
		if (live) {
			redraw(out, tally, drawnLines);
		}
		finish(tally, live, out, done);
		Runtime.getRuntime().removeShutdownHook(summary);
		return tally.failed() == 0 ? 0 : 1;
	}

	private static int redraw(PrintStream out, Tally tally, int previousLines) {
		String text = tally.render(UNICODE);
		synchronized (out) {
			out.print((previousLines > 0 ? "\033[" + previousLines + "A\033[J" : "") + text);
			out.flush();
		}
		return (int) text.lines().count();
	}

	private static void finish(Tally tally, boolean live, PrintStream out, AtomicBoolean done) {
		if (done.compareAndSet(false, true)) {
			synchronized (out) {
				out.println();
				out.print("summary: " + tally.render(live && UNICODE));
				out.flush();
			}
		}
	}

	/** Repeated {@code --name key<sep>value} options as a map, in order. */
	static Map<String, String> pairs(Args args, String name, String separator) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String pair : args.all(name)) {
			int at = pair.indexOf(separator);
			if (at <= 0) {
				throw new IllegalArgumentException("--" + name + " needs name" + separator + "value, got '" + pair + "'");
			}
			pairs.put(pair.substring(0, at).trim(), pair.substring(at + 1).trim());
		}
		return pairs;
	}

	private static Duration timeout(Args args) {
		return Duration.ofSeconds(args.getInt("timeout", 10));
	}

}
