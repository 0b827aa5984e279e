package io.graychain.meshlab.lab.observe;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.graychain.meshlab.lab.proxy.ProxyExchange;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Details;

/**
 * One access log line per request, in the text format Istio configures for every Envoy of the mesh
 * (istio/istio {@code pilot/pkg/model/telemetry_logging.go}, {@code EnvoyTextLogFormat}, Envoy's
 * default format plus response code details, connection termination details, upstream cluster,
 * addresses and route name). A field the lab does not know is printed {@code -}, as Envoy prints a
 * missing value. %START_TIME% is in Envoy's default form, UTC with milliseconds
 * ({@code %Y-%m-%dT%H:%M:%E3SZ}, envoy {@code source/common/formatter/stream_info_formatter.cc}).
 *
 * <p>An outbound line is what the caller's proxy (the gateway or the calling sidecar) logs; an
 * inbound line is what the callee's sidecar logs for the same request, its cluster
 * {@code inbound|PORT||} (istio/istio {@code pilot/pkg/model/service.go} BuildInboundSubsetKey).
 */
public final class AccessLogFormat {

	private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** Why the proxy answered itself, by the flag it set, the first that applies. */
	private static final List<Map.Entry<String, String>> LOCAL_DETAILS = List.of(Map.entry("NR", "route_not_found"),
			Map.entry("UH", "no_healthy_upstream"), Map.entry("FI", "fault_filter_abort"),
			Map.entry("UT", "upstream_response_timeout"), Map.entry("UO", "upstream_reset_before_response_started{overflow}"),
			Map.entry("UF", "upstream_reset_before_response_started{connection_failure}"),
			Map.entry("UC", "upstream_reset_before_response_started{connection_termination}"));

	private AccessLogFormat() {
	}

	/** The line the caller's proxy logs. */
	public static String outbound(ProxyExchange exchange) {
		Details d = exchange.details();
		return line(exchange, exchange.status(), exchange.responseFlags(), details(exchange), d.upstreamHost(),
				d.upstreamCluster());
	}

	/**
	 * The line the callee's sidecar logs, or null when the request did not reach a pod. A reply the
	 * caller gave up on (UT) is, at the callee, a request whose downstream went away: status 0, flag DC.
	 */
	public static String inbound(ProxyExchange exchange) {
		if (!reachedPod(exchange)) {
			return null;
		}
		boolean timedOut = flags(exchange).contains("UT");
		Details d = exchange.details();
		return line(exchange, timedOut ? 0 : exchange.status(), timedOut ? "DC" : "-", timedOut ? "downstream_remote_disconnect"
				: "via_upstream", d.upstreamHost(), "inbound|" + d.upstreamPort() + "||");
	}

	/** True when a pod got the request (and the callee's sidecar would log it): the proxy names the pod that answered. */
	static boolean reachedPod(ProxyExchange exchange) {
		return !exchange.upstreamPod().isEmpty() && exchange.details().upstreamPort() > 0;
	}

	private static Set<String> flags(ProxyExchange exchange) {
		return Set.of(exchange.responseFlags().split(","));
	}

	private static String line(ProxyExchange exchange, int status, String flags, String details, String upstreamHost,
			String cluster) {
		Details d = exchange.details();
		return "[" + START_TIME.format(d.startTime()) + "] \"" + or(d.method()) + " " + or(d.path()) + " HTTP/1.1\" "
				+ status + " " + or(flags) + " " + details + " - \"-\" " + d.bytesReceived() + " " + d.bytesSent() + " "
				+ Math.round(exchange.durationMillis()) + " - \"" + or(d.forwardedFor()) + "\" \"" + or(d.userAgent())
				+ "\" \"" + or(exchange.requestId()) + "\" \"" + or(d.authority()) + "\" \"" + or(upstreamHost) + "\" "
				+ or(cluster) + " - - - - -";
	}

	/**
	 * %RESPONSE_CODE_DETAILS% as Envoy sets it (envoy source/common/stream_info/utility.h
	 * ResponseCodeDetailValues): {@code via_upstream} for a pod's reply, else why the proxy answered.
	 */
	static String details(ProxyExchange exchange) {
		Set<String> flags = flags(exchange);
		return LOCAL_DETAILS.stream().filter(d -> flags.contains(d.getKey())).map(Map.Entry::getValue).findFirst()
			.orElse(exchange.status() == 0 ? "-" : exchange.upstreamPod().isEmpty() ? "local_reply" : "via_upstream");
	}

	private static String or(String value) {
		return value == null || value.isEmpty() ? "-" : value;
	}

}
