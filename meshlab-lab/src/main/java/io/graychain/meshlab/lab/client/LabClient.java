package io.graychain.meshlab.lab.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a running lab tells its clients, from its state folder ({@code .lab/}) and admin endpoint
 * (the ingress URL, the sidecar port of each workload, the services that run more than one
 * version), and the calls that change it, sent with the lab's token from {@code admin.token}.
 *
 * @param stateDir the lab's state folder
 */
public record LabClient(Path stateDir) {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.proxy(HttpClient.Builder.NO_PROXY)
		.connectTimeout(Duration.ofSeconds(5)).build();

	/** The URL of the Gateway API gateway graychain-http (its own port, as Istio deploys one gateway per Gateway). */
	public String gatewayApiUrl() {
		return read("gateway-api.url");
	}

	/** The ingress gateway URL; fails when no lab runs here. */
	public String ingressUrl() {
		return read("ingress.url");
	}

	/** The sidecar port of each workload, by Deployment name. */
	public Map<String, Integer> sidecars() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ok(get("/sidecars")).lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+"))
			.forEach(p -> ports.put(p[0], Integer.parseInt(p[1])));
		return ports;
	}

	/** A running pod of the lab: its name, {@code app} and {@code version} labels, and the loopback port it serves on. */
	public record Pod(String name, String app, String version, int port) {
	}

	/** The lab's running pods. */
	public List<Pod> pods() {
		return ok(get("/pods")).lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+"))
			.map(p -> new Pod(p[0], p[1], p[2], Integer.parseInt(p[3]))).toList();
	}

	/** The services (by {@code app} label) that run more than one version. */
	public Set<String> lanes() {
		return new TreeSet<>(ok(get("/lanes")).lines().map(String::trim).filter(l -> !l.isEmpty()).toList());
	}

	/** {@code GET path} on the admin endpoint ({@code /ready}, {@code /status}, ...). */
	public OneShotHttp.Reply get(String path) {
		return send(HttpRequest.newBuilder(admin(path)).GET(), TIMEOUT);
	}

	/** Applies {@code rules}: 200 when they are in force, 409 with the mistakes when refused. */
	public OneShotHttp.Reply apply(RulesSource rules) {
		return postRules("/apply", rules);
	}

	/** Applies a scenario's Gateway API twin ({@link RulesSource#resolveGatewayApi}) instead of its Istio rules. */
	public OneShotHttp.Reply applyGatewayApi(RulesSource rules) {
		return postRules("/apply-gateway-api", rules);
	}

	private OneShotHttp.Reply postRules(String path, RulesSource rules) {
		return post(path + "?name=" + URLEncoder.encode(rules.name(), StandardCharsets.UTF_8) + "&files="
				+ URLEncoder.encode(String.join(",", rules.files()), StandardCharsets.UTF_8), rules.yaml());
	}

	/** {@code POST path} with the lab's token ({@code /reset}, {@code /shutdown}, ...). */
	public OneShotHttp.Reply post(String path, String body) {
		return post(path, body, TIMEOUT);
	}

	/** {@code POST path} with the lab's token, waiting up to {@code within} (a set-env waits for new pods). */
	public OneShotHttp.Reply post(String path, String body, Duration within) {
		return send(HttpRequest.newBuilder(admin(path)).header("Authorization", "Bearer " + read("admin.token"))
			.header("Content-Type", "text/plain; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body)), within);
	}

	/**
	 * Changes the environment of {@code deployment} in the running lab ({@code NAME=VALUE} sets,
	 * {@code NAME-} removes) and waits, up to {@code within}, until its new pods serve; the lab's answer.
	 */
	public String setEnv(String deployment, List<String> changes, Duration within) {
		OneShotHttp.Reply reply = post("/set-env", deployment + "\n" + String.join("\n", changes) + "\n", within);
		if (reply.status() != 200) {
			throw new IllegalStateException(reply.body().strip());
		}
		return reply.body().strip();
	}

	private URI admin(String path) {
		return URI.create("http://127.0.0.1:" + Integer.parseInt(read("admin.port")) + path);
	}

	private static OneShotHttp.Reply send(HttpRequest.Builder request, Duration within) {
		HttpRequest built = request.timeout(within).build();
		try {
			HttpResponse<String> reply = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
			return new OneShotHttp.Reply(reply.statusCode(), reply.body());
		}
		catch (java.net.http.HttpTimeoutException ex) {
			return new OneShotHttp.Reply(0, "the lab's admin endpoint on port " + built.uri().getPort() + " did not answer within "
					+ within.toSeconds() + " s");
		}
		catch (IOException ex) {
			return new OneShotHttp.Reply(0, "the lab's admin endpoint on port " + built.uri().getPort() + " does not answer");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new OneShotHttp.Reply(0, "interrupted");
		}
	}

	private static String ok(OneShotHttp.Reply reply) {
		if (!reply.ok()) {
			throw new IllegalStateException("the lab's admin endpoint answered " + reply.status() + ": " + reply.body());
		}
		return reply.body();
	}

	private String read(String file) {
		Path path = stateDir.resolve(file);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException("no lab runs (no " + path + "): start one with scripts/lab up");
		}
		try {
			return Files.readString(path).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + path + " (is it yours?)", ex);
		}
	}

	/** Parses {@code appa,appb} (commas or spaces) into a set. */
	public static Set<String> lanes(String list) {
		return new TreeSet<>(Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
	}

}
