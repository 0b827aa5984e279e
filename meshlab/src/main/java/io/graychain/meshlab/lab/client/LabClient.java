package io.graychain.meshlab.lab.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * What a running lab tells its clients, from its state folder ({@code .lab/}) and admin endpoint:
 * the ingress URL, the sidecar port of each workload, the services that run more than one version.
 *
 * @param stateDir the lab's state folder
 */
public record LabClient(Path stateDir) {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** The ingress gateway URL; fails when no lab runs here. */
	/** The URL of the Gateway API gateway graychain-http (its own port, as Istio deploys one gateway per Gateway). */
	public String gatewayApiUrl() {
		return read("gateway-api.url");
	}

	public String ingressUrl() {
		return read("ingress.url");
	}

	/** The sidecar port of each workload, by Deployment name. */
	public Map<String, Integer> sidecars() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		admin("/sidecars").lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+"))
			.forEach(p -> ports.put(p[0], Integer.parseInt(p[1])));
		return ports;
	}

	/** The services (by {@code app} label) that run more than one version. */
	public Set<String> lanes() {
		return new TreeSet<>(admin("/lanes").lines().map(String::trim).filter(l -> !l.isEmpty()).toList());
	}

	/**
	 * Changes the environment of {@code deployment} in the running lab ({@code NAME=VALUE} sets,
	 * {@code NAME-} removes) and waits, up to {@code within}, until its new pods serve; the lab's answer.
	 */
	public String setEnv(String deployment, List<String> changes, Duration within) {
		int port = Integer.parseInt(read("admin.port"));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/set-env")).timeout(within)
			.POST(HttpRequest.BodyPublishers.ofString(deployment + "\n" + String.join("\n", changes) + "\n")).build();
		try {
			HttpResponse<String> reply = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()
				.send(request, HttpResponse.BodyHandlers.ofString());
			if (reply.statusCode() != 200) {
				throw new IllegalStateException(reply.body().strip());
			}
			return reply.body().strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the lab's admin endpoint on port " + port + " does not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the lab replaced the pods of " + deployment, ex);
		}
	}

	private String admin(String path) {
		int port = Integer.parseInt(read("admin.port"));
		OneShotHttp.Reply reply = OneShotHttp.get(new InetSocketAddress("127.0.0.1", port), path, "127.0.0.1:" + port,
				Map.of(), TIMEOUT);
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
			throw new UncheckedIOException(ex);
		}
	}

	/** Parses {@code appa,appb} (commas or spaces) into a set. */
	public static Set<String> lanes(String list) {
		return new TreeSet<>(Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
	}

}
