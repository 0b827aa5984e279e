package io.graychain.meshlab.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.graychain.meshlab.route.HttpRequest;
import io.graychain.support.propagation.CookieAllowList;

/**
 * The downstream calls of the graychain services, as their Feign clients make them, with the headers
 * every service propagates. Both lists mirror {@code graychain.propagation.*} in the services'
 * {@code graychain-defaults.properties}; the {@code Cookie} header is cut down by the services' own
 * {@link CookieAllowList}.
 */
final class GraychainCalls implements CallGraph {

	/** Headers the services pass on to the next hop (tracing, identity, version pinning, lane, cookie). */
	static final Set<String> PROPAGATED = Set.of("x-request-id", "traceparent", "tracestate", "b3", "x-b3-traceid",
			"x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "baggage", "end-user", "version",
			"x-gray-lane", "cookie");

	/** The cookies the services pass on; every other cookie stays at the hop that received it. */
	static final Set<String> RELAYED_COOKIES = Set.of("user");

	/** Cuts the {@code Cookie} header down to the relayed cookies, with the services' own code. */
	private static final CookieAllowList COOKIES = new CookieAllowList(RELAYED_COOKIES);

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
			String passed = "cookie".equals(name) ? COOKIES.filter(value) : value;
			if (PROPAGATED.contains(name) && passed != null) {
				headers.put(name, passed);
			}
		});
		return received.forward(host, path, headers, query);
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
