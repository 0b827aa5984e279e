package io.graychain.meshlab.lab.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graychain.meshlab.lab.client.RulesSource;
import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.LocalReply;
import io.graychain.meshlab.lab.http.LoopbackServer;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.observe.IstioMetrics;
import io.graychain.meshlab.lab.observe.RuleSummary;
import io.graychain.meshlab.scenario.Scenario;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The lab's dashboard on 127.0.0.1, behind the admin endpoint's guards ({@link AdminGuard}: loopback
 * Host with this port, no foreign Origin):
 * <ul>
 * <li>{@code GET /stats/prometheus}: Istio's standard metrics of the gateway and the sidecars, in
 * Prometheus' text format, where a cluster's Prometheus scrapes each Envoy;</li>
 * <li>{@code GET /} and its script and style: the page, served from the jar (nothing from the network);</li>
 * <li>{@code GET /api/state}: what the page shows, as JSON (the graph, the chains, the rules in force,
 * the scenarios);</li>
 * <li>{@code POST /api/apply?scenario=<name>} and {@code POST /api/reset}, with the lab's token
 * ({@code Authorization: Bearer}): the same checks and answers as {@code scripts/lab apply} and
 * {@code reset}. Only scenarios of {@code istio/scenarios} by name: never a path.</li>
 * </ul>
 * The page learns the token from the fragment of the URL {@code lab up} prints ({@code #token=...}):
 * a fragment is never sent to a server, and no other origin can read this one's page.
 */
public final class DashboardServer implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, String> ASSETS = Map.of("/", "index.html", "/dashboard.js", "dashboard.js",
			"/dashboard.css", "dashboard.css");

	private final LoopbackServer server;

	private final LabThreads threads;

	private DashboardServer(LoopbackServer server, LabThreads threads) {
		this.server = server;
		this.threads = threads;
	}

	/**
	 * Serves {@code lab} once it is there ({@code lab} answers null while it starts).
	 *
	 * @param scenarios the folder of the scenarios the page offers ({@code istio/scenarios})
	 * @param token the secret of state-changing calls
	 */
	public static DashboardServer start(int port, Supplier<Lab> lab, Path scenarios, String token, ServerLimits limits) {
		LabThreads threads = LabThreads.start("dashboard", 16);
		try {
			LoopbackServer server = LoopbackServer.start(port, threads, limits,
					new AdminGuard.Guarded(new Handling(lab, scenarios, token, threads)), "the lab's dashboard");
			return new DashboardServer(server, threads);
		}
		catch (RuntimeException ex) {
			threads.close();
			throw ex;
		}
	}

	public int port() {
		return server.port();
	}

	/** {@code http://127.0.0.1:<port>/}. */
	public String url() {
		return "http://127.0.0.1:" + port() + "/";
	}

	@Override
	public void close() {
		server.close();
		threads.close();
	}

	/** The scenarios offered, by name. */
	static List<String> scenarioNames(Path scenarios) {
		return Files.isDirectory(scenarios) ? Scenario.all(scenarios).stream().map(Scenario::name).toList() : List.of();
	}

	private static final class Handling extends LabCalls {

		private final Supplier<Lab> lab;

		private final Path scenarios;

		private final LabThreads threads;

		Handling(Supplier<Lab> lab, Path scenarios, String token, LabThreads threads) {
			super(token, "this call needs the lab's token; open the dashboard URL that scripts/lab up prints");
			this.lab = lab;
			this.scenarios = scenarios;
			this.threads = threads;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) {
			String path = request.getHttpURI().getPath();
			boolean post = "/api/apply".equals(path) || "/api/reset".equals(path);
			boolean get = ASSETS.containsKey(path) || "/stats/prometheus".equals(path) || "/api/state".equals(path);
			if (!get && !post) {
				LocalReply.send(response, callback, 404, "no such page; see / and /stats/prometheus");
			}
			else if (admitted(request, response, callback, post)) {
				serve(path, request, response, callback);
			}
			return true;
		}

		/** An admitted call: an asset, the metrics, the state, or an apply or reset (on a worker thread: the analyzer runs). */
		private void serve(String path, Request request, Response response, Callback callback) {
			if (ASSETS.containsKey(path)) {
				asset(ASSETS.get(path), response, callback);
			}
			else if (lab.get() == null) {
				LocalReply.send(response, callback, 503, AdminServer.Calls.STARTING.text());
			}
			else if ("/stats/prometheus".equals(path)) {
				send(response, callback, 200, IstioMetrics.contentType(), lab.get().metrics().scrape());
			}
			else if ("/api/state".equals(path)) {
				send(response, callback, 200, "application/json", json(state(lab.get())));
			}
			else {
				String scenario = Request.extractQueryParameters(request).getValue("scenario");
				// applying runs the analyzer: not on a selector thread
				threads.pool().execute(() -> {
					AdminServer.Reply reply = "/api/reset".equals(path) ? change(lab.get(), lab.get().rules().reset())
							: apply(lab.get(), scenario);
					send(response, callback, reply.status(), "application/json",
							json(Map.of("applied", reply.status() == 200, "message", reply.text())));
				});
			}
		}

		private AdminServer.Reply apply(Lab lab, String scenario) {
			List<String> names = scenarioNames(scenarios);
			if (scenario == null || !names.contains(scenario)) {
				return new AdminServer.Reply(400, "no scenario '" + LocalReply.printable(String.valueOf(scenario), 100)
						+ "'; scenarios: " + String.join(", ", names));
			}
			RulesSource rules;
			try {
				rules = RulesSource.resolve(scenario, scenarios);
			}
			catch (IllegalArgumentException ex) {
				return new AdminServer.Reply(400, ex.getMessage());
			}
			return change(lab, lab.rules().apply(rules.name(), rules.yaml(), rules.files()));
		}

		/** A change the lab made starts a new picture of the traffic. */
		private static AdminServer.Reply change(Lab lab, LabRules.Change change) {
			if (change.applied()) {
				lab.graph().clear();
			}
			return AdminServer.Reply.change(change);
		}

		private Map<String, Object> state(Lab lab) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("inForce", lab.rules().describe().lines().findFirst().orElse("").replaceFirst("^rules in force: ", ""));
			state.put("rules", lab.rules().router().config().virtualServices().stream().map(RuleSummary::of).toList());
			state.put("scenarios", scenarioNames(scenarios));
			state.put("lanes", lab.laneServices());
			state.put("graph", lab.graph().view());
			return state;
		}

		private static void asset(String name, Response response, Callback callback) {
			try (InputStream in = DashboardServer.class.getResourceAsStream("/dashboard/" + name)) {
				if (in == null) {
					LocalReply.send(response, callback, 404, "not in this build: " + name);
					return;
				}
				String type = name.endsWith(".html") ? "text/html; charset=utf-8"
						: name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
				send(response, callback, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				LocalReply.send(response, callback, 500, "cannot read " + name);
			}
		}

		private static String json(Object value) {
			try {
				return JSON.writeValueAsString(value);
			}
			catch (JsonProcessingException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void send(Response response, Callback callback, int status, String type, String body) {
			response.setStatus(status);
			response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
			response.getHeaders().add(LocalReply.NOSNIFF);
			response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
			response.getHeaders().put("content-security-policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
			response.getHeaders().put("x-frame-options", "DENY");
			response.getHeaders().put("referrer-policy", "no-referrer");
			response.write(true, BufferUtil.toBuffer(body.getBytes(StandardCharsets.UTF_8)), callback);
		}

	}

}
