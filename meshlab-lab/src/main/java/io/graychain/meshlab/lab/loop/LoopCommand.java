package io.graychain.meshlab.lab.loop;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.PodSender;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.lab.client.TargetOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loop}: sends one request over and over, each on a new connection, and tallies the version
 * chains that answer. Live (redrawn, on a terminal) or plain (one chain per line), with a summary at
 * the end, also when interrupted. Exit 0 when every request got a complete chain; 1 when any failed,
 * with a line saying how many of how many; 2 on bad input.
 */
@Command(name = "loop", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Send GET <path> with Host <host> to the lab's ingress gateway (default), a URL, or a cluster's"
				+ " Istio ingress gateway; N times or until Ctrl-C. Replies are read as one-line version chains"
				+ " (Accept: text/plain), e.g. \"appa:v2 > appb:v2\". Exit 1 when any request failed." },
		footer = { "%nExamples:", "  scripts/curl-loop --host product.graychain.local --path /product -n 200",
				"  scripts/curl-loop --host appa.graychain.local -H 'version: v2'",
				"  scripts/curl-loop --host frontend.graychain.local --path /api/forecast -b user=tester -q city=berlin",
				"  scripts/curl-loop --from product-v1 --host appa:8000 -n 50",
				"  scripts/curl-loop --host product.graychain.local --path /product --concurrency 20 -n 400",
				"  scripts/curl-loop --cluster --host appa.graychain.local --plain | sort | uniq -c" })
public final class LoopCommand implements Callable<Integer> {

	private static final long REDRAW_NANOS = 100_000_000L;

	/** The most requests in flight at once: a load step on a laptop, not a load test. */
	static final int MAX_CONCURRENCY = 64;

	/** Block characters for the bars where the terminal's encoding has them, {@code #} otherwise. */
	private static final boolean UNICODE = java.nio.charset.Charset.defaultCharset().newEncoder().canEncode('\u2588');

	@Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:GRAYCHAIN_HOST:-appa.graychain.local}",
			description = "the Host header, which picks the service [GRAYCHAIN_HOST, default: ${DEFAULT-VALUE}]")
	String host;

	@Option(names = "--path", paramLabel = "PATH", defaultValue = "${env:GRAYCHAIN_PATH:-/}",
			description = "the request path [GRAYCHAIN_PATH, default: ${DEFAULT-VALUE}]")
	String path;

	@Option(names = { "-H", "--header" }, paramLabel = "'NAME: VALUE'", description = "a request header (repeatable), e.g. -H 'end-user: jason'")
	List<String> headers = new ArrayList<>();

	@Option(names = { "-b", "--cookie" }, paramLabel = "NAME=VALUE",
			description = "a cookie (repeatable), sent as browsers do: Cookie: a=1; user=tester")
	List<String> cookies = new ArrayList<>();

	@Option(names = { "-q", "--query" }, paramLabel = "NAME=VALUE", description = "a query parameter (repeatable), e.g. -q name=xx")
	List<String> query = new ArrayList<>();

	@Option(names = { "-n", "--count" }, paramLabel = "N", defaultValue = "${env:GRAYCHAIN_COUNT:-0}",
			description = "how many requests; 0 runs until Ctrl-C [GRAYCHAIN_COUNT, default: ${DEFAULT-VALUE}]")
	int count;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "${env:GRAYCHAIN_CONCURRENCY:-1}",
			description = "requests in flight at once, each on its own connection, 1 to " + MAX_CONCURRENCY
					+ " (a load step for a circuit breaker) [GRAYCHAIN_CONCURRENCY, default: ${DEFAULT-VALUE}]")
	int concurrency;

	@Option(names = "--from", paramLabel = "WORKLOAD", defaultValue = "${env:GRAYCHAIN_FROM:-" + Sender.GATEWAY + "}",
			description = "lab only: send from inside the mesh, through the sidecar of WORKLOAD (a Deployment, e.g. product-v1) [GRAYCHAIN_FROM]")
	String from;

	@Option(names = "--plain", defaultValue = "${env:GRAYCHAIN_PLAIN:-false}", fallbackValue = "true",
			description = "one chain per line and a summary, also on a terminal [GRAYCHAIN_PLAIN=true]")
	boolean plain;

	@Mixin
	TargetOptions targetOptions;

	private final PrintStream out = System.out;

	private final PrintStream err = System.err;

	@Override
	public Integer call() {
		if (count < 0) {
			throw new IllegalArgumentException("--count needs a number of requests, 0 or more, got " + count);
		}
		if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
			throw new IllegalArgumentException("--concurrency needs 1 to " + MAX_CONCURRENCY + " requests in flight, got " + concurrency);
		}
		TargetOptions.Target target = targetOptions.target(PodSender.NONE, Set::of);
		Sender sender = target.sender();
		if (!sender.canSend(from)) {
			throw new IllegalArgumentException(sender.sidecars().isEmpty()
					? "--from sends through a lab sidecar: not with --url or --cluster"
					: "no sidecar of workload '" + from + "' to send from; workloads: " + sender.sidecars().keySet());
		}
		String pathAndQuery = Sender.pathAndQuery(path, pairs("--query", query, "="));
		Map<String, String> sent = Sender.withCookies(pairs("--header", headers, ":"), pairs("--cookie", cookies, "="));
		boolean live = !plain && System.console() != null;
		return loop(sender, pathAndQuery, sent, new Tally(target.lanes()), live);
	}

	private int loop(Sender sender, String target, Map<String, String> sent, Tally tally, boolean live) {
		AtomicBoolean done = new AtomicBoolean();
		Thread summary = new Thread(() -> finish(tally, live, done), "loop-summary");
		Runtime.getRuntime().addShutdownHook(summary);
		out.println("GET " + target + " Host: " + host + " from " + from + " via " + sender.gateway()
				+ (count > 0 ? ", " + count + " requests" : ", until interrupted (Ctrl-C)")
				+ (concurrency > 1 ? ", " + concurrency + " at once" : ""));
		AtomicLong claimed = new AtomicLong();
		AtomicLong lastDraw = new AtomicLong();
		AtomicInteger drawnLines = new AtomicInteger();
		Runnable worker = () -> {
			while (count == 0 || claimed.getAndIncrement() < count) {
				OneShotHttp.Reply reply = sender.send(from, host, target, sent);
				ChainLine chain = LocalReplies.chain(reply);
				tally.count(chain, reply.status());
				if (!live) {
					synchronized (out) {
						out.println(chain.text());
					}
				}
				else if (System.nanoTime() - lastDraw.get() > REDRAW_NANOS) {
					synchronized (out) {
						drawnLines.set(redraw(tally, drawnLines.get()));
						lastDraw.set(System.nanoTime());
					}
				}
			}
		};
		List<Thread> workers = new ArrayList<>();
		for (int i = 1; i < concurrency; i++) {
			Thread t = new Thread(worker, "loop-" + i);
			t.setDaemon(true);
			t.start();
			workers.add(t);
		}
		worker.run();
		for (Thread t : workers) {
			try {
				t.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (live) {
			redraw(tally, drawnLines.get());
		}
		finish(tally, live, done);
		Runtime.getRuntime().removeShutdownHook(summary);
		return tally.failed() == 0 ? 0 : 1;
	}

	private int redraw(Tally tally, int previousLines) {
		String text = tally.render(UNICODE);
		synchronized (out) {
			out.print((previousLines > 0 ? "\033[" + previousLines + "A\033[J" : "") + text);
			out.flush();
		}
		return (int) text.lines().count();
	}

	/** The summary, once; and when requests failed, a line on stderr saying how many. */
	private void finish(Tally tally, boolean live, AtomicBoolean done) {
		if (done.compareAndSet(false, true)) {
			synchronized (out) {
				out.println();
				out.print("summary: " + tally.render(live && UNICODE));
				out.flush();
			}
			if (tally.failed() > 0) {
				err.println("loop: " + tally.failed() + " of " + tally.total() + " requests failed");
				err.flush();
			}
		}
	}

	/** Repeated {@code name<sep>value} options as a map, in order. */
	static Map<String, String> pairs(String option, List<String> values, String separator) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String pair : values) {
			int at = pair.indexOf(separator);
			if (at <= 0) {
				throw new IllegalArgumentException(option + " needs name" + separator + "value, got '" + pair + "'");
			}
			pairs.put(pair.substring(0, at).trim(), pair.substring(at + 1).trim());
		}
		return pairs;
	}

}
