package io.graychain.meshlab.lab.daemon;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.LocalReply;
import io.graychain.meshlab.lab.http.LoopbackServer;
import io.graychain.meshlab.lab.http.ServerLimits;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The lab's admin endpoint on 127.0.0.1, what {@code scripts/lab} talks to through the lab's
 * command line (plain-text replies): {@code GET /ready} (200 once every pod is ready, else 503
 * saying which are not), {@code GET /status}, {@code GET /sidecars} ({@code <workload> <port>} lines),
 * {@code GET /lanes} (services with more than one version); and, changing state, {@code POST /apply}
 * (body: the YAML to apply, {@code ?name=} what it is; 409 when refused), {@code POST /apply-gateway-api}
 * (the same for a scenario's Gateway API twin), {@code POST /reset},
 * {@code POST /set-env} (body: a Deployment, then one {@code NAME=VALUE} or {@code NAME-} per line; 400
 * for a bad change, 409 when the new pods do not get ready), {@code POST /shutdown}.
 *
 * <p>Nothing a web page can send gets through ({@link AdminGuard}): the Host must be the loopback
 * address with this port (DNS rebinding: 421), a foreign {@code Origin} is refused (403), and a
 * call that changes state must be a POST carrying the lab's secret from {@code admin.token}
 * ({@code Authorization: Bearer <token>}), which no other origin can read or send without a
 * preflight. Bodies are read without holding a thread, bounded in size (413) and time (408), so one
 * slow client blocks no other.
 */
public final class AdminServer implements AutoCloseable {

	/** The largest body a call takes: a scenario's YAML is a few KiB. */
	public static final int MAX_BODY = 1024 * 1024;

	/** How long a body may take to arrive, whole. */
	public static final Duration BODY_WITHIN = Duration.ofSeconds(10);

	private final LoopbackServer server;

	private final LabThreads threads;

	private AdminServer(LoopbackServer server, LabThreads threads) {
		this.server = server;
		this.threads = threads;
	}

	/** What a call answers: a status and a text. */
	public record Reply(int status, String text) {

		static Reply change(LabRules.Change change) {
			return new Reply(change.applied() ? 200 : 409, change.message());
		}

	}

	/** A state-changing call, given the lab (null while it starts), the call's parameters and its body. */
	@FunctionalInterface
	interface Action {

		Reply apply(Lab lab, Params params, String body);

	}

	/**
	 * What a call says of itself in its query, printable and bounded: {@code name} (what the rules are
	 * called) and {@code files} (the files they came from, comma-separated).
	 */
	record Params(String name, List<String> files) {

		static Params of(Request request) {
			var query = Request.extractQueryParameters(request);
			String name = query.getValue("name");
			String files = query.getValue("files");
			return new Params(name == null || name.isBlank() ? "rules" : LocalReply.printable(name, 100),
					files == null || files.isBlank() ? List.of()
							: java.util.Arrays.stream(files.split(",")).limit(50).map(f -> LocalReply.printable(f.strip(), 100)).toList());
		}

	}

	/**
	 * Serves {@code lab} once it is there ({@code lab} answers null while it starts); {@code shutdown}
	 * stops it; {@code token} is the secret of state-changing calls.
	 */
	public static AdminServer start(int port, String token, Supplier<Lab> lab, Runnable shutdown, ServerLimits limits) {
		return start(port, token, lab, shutdown, limits, BODY_WITHIN);
	}

	/** As above; a body must arrive whole within {@code bodyWithin}. */
	public static AdminServer start(int port, String token, Supplier<Lab> lab, Runnable shutdown, ServerLimits limits,
			Duration bodyWithin) {
		Calls calls = new Calls(lab);
		calls.get("/ready", l -> l.ready() ? new Reply(200, "ready") : new Reply(503, l.readiness()));
		calls.get("/status", l -> new Reply(200, l.status()));
		calls.get("/sidecars", l -> new Reply(200, l.sidecarPorts().entrySet().stream()
			.map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n"))));
		calls.get("/lanes", l -> new Reply(200, String.join("\n", l.laneServices())));
		calls.get("/pods", l -> new Reply(200, l.pods().stream()
			.map(p -> p.spec().name() + " " + p.spec().labels().getOrDefault("app", "-") + " " + p.spec().version() + " " + p.port())
			.collect(Collectors.joining("\n"))));
		calls.post("/apply", (l, call, body) -> l == null ? Calls.STARTING
				: Reply.change(l.rules().apply(call.name(), body, call.files())));
		calls.post("/apply-gateway-api", (l, call, body) -> l == null ? Calls.STARTING
				: Reply.change(l.rules().applyGatewayApi(call.name(), body, call.files())));
		calls.post("/reset", (l, call, body) -> l == null ? Calls.STARTING : Reply.change(l.rules().reset()));
		calls.post("/set-env", (l, call, body) -> l == null ? Calls.STARTING : setEnv(l, body));
		calls.post("/shutdown", (l, call, body) -> {
			new Thread(shutdown, "lab-shutdown").start();
			return new Reply(202, "stopping");
		});
		LabThreads threads = LabThreads.start("admin", 16);
		try {
			LoopbackServer server = LoopbackServer.start(port, threads, limits,
					new AdminGuard.Guarded(new Handling(calls, token, threads, bodyWithin)), "the lab's admin endpoint");
			return new AdminServer(server, threads);
		}
		catch (RuntimeException ex) {
			threads.close();
			throw ex;
		}
	}

	public int port() {
		return server.port();
	}

	/** {@code POST /set-env}: the first line names the Deployment, each further line is one change. */
	private static Reply setEnv(Lab lab, String body) {
		List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (lines.isEmpty()) {
			return new Reply(400, "usage: set-env DEPLOYMENT NAME=VALUE... [NAME-]");
		}
		try {
			return Reply.change(lab.setEnv(lines.get(0), lines.subList(1, lines.size())));
		}
		catch (IllegalArgumentException ex) {
			return new Reply(400, ex.getMessage());
		}
	}

	@Override
	public void close() {
		server.close();
		threads.close();
	}

	/** The admin calls by path: reading ones (GET) and state-changing ones (POST with the token). */
	static final class Calls {

		static final Reply STARTING = new Reply(503, "starting: reading the overlay");

		private final Supplier<Lab> lab;

		private final Map<String, java.util.function.Function<Lab, Reply>> gets = new LinkedHashMap<>();

		private final Map<String, Action> posts = new LinkedHashMap<>();

		Calls(Supplier<Lab> lab) {
			this.lab = lab;
		}

		void get(String path, java.util.function.Function<Lab, Reply> action) {
			gets.put(path, action);
		}

		void post(String path, Action action) {
			posts.put(path, action);
		}

		String known() {
			return "GET " + String.join(", ", gets.keySet()) + "; POST " + String.join(", ", posts.keySet());
		}

	}

	private static final class Handling extends LabCalls {

		private final Calls calls;

		private final LabThreads threads;

		private final Duration bodyWithin;

		Handling(Calls calls, String token, LabThreads threads, Duration bodyWithin) {
			super(token, "this call needs the lab's token (Authorization: Bearer <" + LabState.TOKEN + ">); scripts/lab sends it");
			this.calls = calls;
			this.threads = threads;
			this.bodyWithin = bodyWithin;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) {
			String path = request.getHttpURI().getPath();
			var get = calls.gets.get(path);
			Action post = calls.posts.get(path);
			if (get == null && post == null) {
				reply(response, callback, new Reply(404, "no such admin call; the calls are " + calls.known()));
			}
			else if (admitted(request, response, callback, get == null)) {
				if (get != null) {
					Lab lab = calls.lab.get();
					reply(response, callback, lab == null ? Calls.STARTING : get.apply(lab));
				}
				else {
					Params params = Params.of(request);
					// the action may take a while (the analyzer): not on the thread that read the body
					readBody(request, response, callback, MAX_BODY, bodyWithin, body -> threads.pool()
						.execute(() -> reply(response, callback, post.apply(calls.lab.get(), params, body))));
				}
			}
			return true;
		}

		private static void reply(Response response, Callback callback, Reply reply) {
			LocalReply.send(response, callback, reply.status(), reply.text());
		}

	}

}
