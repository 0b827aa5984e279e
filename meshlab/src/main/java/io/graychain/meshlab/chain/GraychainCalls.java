package io.graychain.meshlab.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.graychain.meshlab.route.HttpRequest;

/**
 * The downstream calls of the graychain services, as their Feign clients make them, with the headers
 * every service propagates. Both lists mirror {@code graychain.propagation.*} in the services'
 * {@code graychain-defaults.properties}.
 */
final class GraychainCalls implements CallGraph {

	/** Headers the services pass on to the next hop (tracing, identity, version pinning, lane, cookie). */
	static final Set<String> PROPAGATED = Set.of("x-request-id", "traceparent", "tracestate", "b3", "x-b3-traceid",
			"x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "baggage", "end-user", "version",
			"x-gray-lane", "cookie");

	/** The cookies the services pass on; every other cookie stays at the hop that received it. */
	static final Set<String> RELAYED_COOKIES = Set.of("user");

	@Override
	public Optional<HttpRequest> downstream(String service, String version, HttpRequest received) {
		return switch (service) {
			case "appa" -> Optional.of(call(received, "appb:8000", received.path().startsWith("/greet") ? "/greet" : "/",
					received.path().startsWith("/greet") ? keep(received.query(), "name") : Map.of()));
			case "frontend" -> received.path().startsWith("/api/forecast")
					? Optional.of(call(received, "forecast:8080", "/forecast", keep(received.query(), "city")))
					: Optional.empty();
			case "forecast" -> "v2".equals(version)
					? Optional.of(call(received, "recommendation:8080", "/recommendations", recommendationQuery(received)))
					: Optional.empty();
			default -> Optional.empty();
		};
	}

	private static HttpRequest call(HttpRequest received, String host, String path, Map<String, String> query) {
		Map<String, String> headers = new LinkedHashMap<>();
		received.headers().forEach((name, value) -> {
			String passed = "cookie".equals(name) ? relayedCookies(value) : value;
			if (PROPAGATED.contains(name) && passed != null) {
				headers.put(name, passed);
			}
		});
		return received.forward(host, path, headers, query);
	}

	/** The relayed cookies in the order sent, joined with {@code "; "}; null when there are none. */
	private static String relayedCookies(String header) {
		List<String> kept = new ArrayList<>();
		for (String piece : header.split(";")) {
			int equals = piece.indexOf('=');
			String name = (equals >= 0) ? piece.substring(0, equals).strip() : "";
			if (RELAYED_COOKIES.contains(name)) {
				kept.add(name + "=" + piece.substring(equals + 1).strip());
			}
		}
		return kept.isEmpty() ? null : String.join("; ", kept);
	}

	private static Map<String, String> keep(Map<String, String> query, String name) {
		return query.containsKey(name) ? Map.of(name, query.get(name)) : Map.of();
	}

	private static Map<String, String> recommendationQuery(HttpRequest received) {
		Map<String, String> query = new LinkedHashMap<>(keep(received.query(), "city"));
		query.put("weather", "sunny");
		return query;
	}

}
