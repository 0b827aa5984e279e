package io.graychain.meshlab.lab.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Sends requests where they enter the mesh: at the ingress gateway (a URL; the Host header picks the
 * service), or from a workload inside the mesh: through that workload's sidecar in the lab (each
 * sidecar is a forward proxy on a loopback port), or from the workload's own pod on a cluster
 * ({@code pods}).
 *
 * @param gateway the ingress gateway's base URL, e.g. {@code http://127.0.0.1:18080}
 * @param sidecars the sidecar port of each workload that requests can be sent from, by Deployment name
 * @param timeout connect and read timeout of each request
 * @param pods sends from the pods of workloads that have no sidecar here ({@link PodSender#NONE}: none)
 */
public record Sender(URI gateway, Map<String, Integer> sidecars, Duration timeout, PodSender pods) {

	/** The entry that names the ingress gateway. */
	public static final String GATEWAY = "gateway";

	public Sender {
		if (!"http".equals(gateway.getScheme()) || gateway.getHost() == null) {
			throw new IllegalArgumentException("the gateway URL must be http://host[:port], got " + gateway);
		}
		sidecars = Map.copyOf(sidecars);
		Objects.requireNonNull(pods, "pods: PodSender.NONE for none");
	}

	/** Sends from the gateway and the lab's sidecars only. */
	public Sender(URI gateway, Map<String, Integer> sidecars, Duration timeout) {
		this(gateway, sidecars, timeout, PodSender.NONE);
	}

	/** True when requests from {@code entry} can be sent. */
	public boolean canSend(String entry) {
		return GATEWAY.equals(entry) || sidecars.containsKey(entry) || pods.canSend(entry);
	}

	/** True when requests from {@code entry} leave from its pod on a cluster: send them in batches ({@link #pods}). */
	public boolean fromPod(String entry) {
		return !GATEWAY.equals(entry) && !sidecars.containsKey(entry) && pods.canSend(entry);
	}

	/** Where requests go, for a report: the gateway, and how in-mesh requests leave their pods. */
	public String describe() {
		String fromPods = pods.describe();
		return gateway + (fromPods.isEmpty() ? "" : "; in-mesh entries: " + fromPods);
	}

	/** One request on a new connection. */
	public OneShotHttp.Reply send(String entry, String host, String pathAndQuery, Map<String, String> headers) {
		if (fromPod(entry)) {
			List<OneShotHttp.Reply> replies = pods.send(entry, host, pathAndQuery, headers, 1);
			return replies.get(0);
		}
		if (GATEWAY.equals(entry)) {
			int port = gateway.getPort() < 0 ? 80 : gateway.getPort();
			return OneShotHttp.get(new InetSocketAddress(gateway.getHost(), port), pathAndQuery, host, headers, timeout);
		}
		Integer port = sidecars.get(entry);
		if (port == null) {
			throw new IllegalArgumentException("no sidecar of workload '" + entry + "' to send from");
		}
		return OneShotHttp.get(new InetSocketAddress("127.0.0.1", port), "http://" + host + pathAndQuery, host, headers,
				timeout);
	}

	/** {@code path} with the query parameters appended, URL-encoded. */
	public static String pathAndQuery(String path, Map<String, String> query) {
		if (query.isEmpty()) {
			return path;
		}
		return path + "?" + query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	/** {@code headers} with the cookies added as one {@code Cookie} header, the way browsers send them. */
	public static Map<String, String> withCookies(Map<String, String> headers, Map<String, String> cookies) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		if (!cookies.isEmpty()) {
			all.put("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		return all;
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
