package io.graychain.meshlab.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.graychain.meshlab.mesh.Gateways;

/**
 * One {@code HTTPMatchRequest} as Istio translates it and Envoy evaluates it. Istio checks the
 * source fields ({@code gateways}, {@code sourceLabels}, {@code sourceNamespace}, {@code port}) when
 * it builds a proxy's routes and leaves out routes whose source does not match
 * (istio/istio pilot/pkg/networking/core/route/route.go TranslateRoute, sourceMatchHTTP); the
 * request fields become an Envoy {@code RouteMatch} (TranslateRouteMatch): the path, then the
 * headers sorted by name ({@code withoutHeaders} inverted), then {@code :method},
 * {@code :authority}, {@code :scheme}, then query parameters. Every field must hold (AND).
 */
final class MatchEvaluator {

	private MatchEvaluator() {
	}

	/**
	 * Why a match entry is left out of the routes of this proxy, or empty when it stays. A match
	 * with {@code gateways} is kept when one of them is the proxy's, and then {@code sourceLabels}
	 * and {@code sourceNamespace} are not looked at (sourceMatchHTTP).
	 */
	static Optional<String> sourceFailure(HTTPMatchRequest m, Source source, String ruleNamespace, int listenPort) {
		if (m == null) {
			return Optional.empty();
		}
		if (m.getPort() != null && m.getPort() != 0 && m.getPort() != listenPort) {
			return Optional.of("port " + m.getPort() + " is not the port " + listenPort + " the request came in on");
		}
		if (m.getGateways() != null && !m.getGateways().isEmpty()) {
			return gatewayMatches(m.getGateways(), source, ruleNamespace) ? Optional.empty()
					: Optional.of("gateways " + m.getGateways() + " do not include " + sourceName(source));
		}
		Map<String, String> wanted = m.getSourceLabels() == null ? Map.of() : m.getSourceLabels();
		for (Map.Entry<String, String> e : new TreeMap<>(wanted).entrySet()) {
			String actual = source.labels().get(e.getKey());
			if (!e.getValue().equals(actual)) {
				return Optional.of("sourceLabels." + e.getKey() + " " + e.getValue() + " is not the sender's "
						+ (actual == null ? "(no such label)" : "\"" + actual + "\"") + " (" + source + ")");
			}
		}
		if (m.getSourceNamespace() != null && !m.getSourceNamespace().isEmpty()
				&& !m.getSourceNamespace().equals(source.namespace())) {
			return Optional.of("sourceNamespace " + m.getSourceNamespace() + " is not the sender's \"" + source.namespace() + "\"");
		}
		return Optional.empty();
	}

	/** The first request condition of {@code m} that fails, or empty when the request matches. */
	static Optional<String> requestFailure(HTTPMatchRequest m, HttpRequest request) {
		if (m == null) {
			return Optional.empty();
		}
		boolean ignoreCase = Boolean.TRUE.equals(m.getIgnoreUriCase());
		if (m.getUri() != null && !StringMatcher.matches(m.getUri(), request.path(), ignoreCase)) {
			return Optional.of("uri " + StringMatcher.describe(m.getUri()) + (ignoreCase ? " (ignoreUriCase)" : "")
					+ " does not match \"" + request.path() + "\"");
		}
		for (Condition header : headerConditions(m)) {
			Optional<String> failure = header.failure(headerValue(request, header.name()));
			if (failure.isPresent()) {
				return failure;
			}
		}
		for (Map.Entry<String, StringMatch> e : sorted(m.getQueryParams()).entrySet()) {
			String value = request.query().get(e.getKey());
			if (!StringMatcher.matches(e.getValue(), value)) {
				return Optional.of("queryParams." + e.getKey() + " " + StringMatcher.describe(e.getValue())
						+ (value == null ? ": no such query parameter" : " does not match \"" + value + "\""));
			}
		}
		return Optional.empty();
	}

	/** A header as Envoy sees it; the pseudo headers come from the request line and the Host header. */
	private static String headerValue(HttpRequest request, String name) {
		return switch (name) {
			case ":method" -> request.method();
			case ":authority" -> request.host();
			case ":scheme" -> "http";
			default -> request.header(name);
		};
	}

	/** True when the source is one of {@code gateways} ({@code mesh} for sidecars). */
	static boolean gatewayMatches(List<String> gateways, Source source, String ruleNamespace) {
		if (source instanceof Source.AtGateway at) {
			return gateways.stream().anyMatch(g -> !Gateways.MESH.equals(g) && Gateways.names(g, ruleNamespace, at.gateway()));
		}
		return gateways.contains(Gateways.MESH);
	}

	private static String sourceName(Source source) {
		return source instanceof Source.AtGateway at ? "gateway " + at.gateway().name() : "mesh (sidecar of " + source + ")";
	}

	/**
	 * The header conditions in Envoy's order: {@code headers} and {@code withoutHeaders} sorted by
	 * (lower-case) name, then the pseudo headers. Envoy lower-cases header matcher names
	 * (envoy source/common/http/header_utility.cc HeaderData, Http::LowerCaseString).
	 */
	private static List<Condition> headerConditions(HTTPMatchRequest m) {
		List<Condition> out = new ArrayList<>();
		sorted(m.getHeaders()).forEach((name, match) -> out.add(new Condition("headers." + name, lower(name), match, false)));
		sorted(m.getWithoutHeaders())
			.forEach((name, match) -> out.add(new Condition("withoutHeaders." + name, lower(name), match, true)));
		out.sort(java.util.Comparator.comparing(Condition::name));
		if (m.getMethod() != null) {
			out.add(new Condition("method", ":method", m.getMethod(), false));
		}
		if (m.getAuthority() != null) {
			out.add(new Condition("authority", ":authority", m.getAuthority(), false));
		}
		if (m.getScheme() != null) {
			out.add(new Condition("scheme", ":scheme", m.getScheme(), false));
		}
		return out;
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static <V> Map<String, V> sorted(Map<String, V> map) {
		return map == null ? Map.of() : new TreeMap<>(map);
	}

	/**
	 * One header matcher. {@code withoutHeaders} is Envoy's {@code invert_match}; a missing header
	 * counts as the empty value for a value match (treat_missing_header_as_empty) and as absent for
	 * a presence match, so {@code withoutHeaders} holds for a request without the header
	 * (istio/istio pilot/pkg/networking/core/route/route.go TranslateRouteMatch).
	 */
	private record Condition(String field, String name, StringMatch match, boolean inverted) {

		Optional<String> failure(String value) {
			if (!inverted) {
				if (StringMatcher.matches(match, value)) {
					return Optional.empty();
				}
				return Optional.of(field + " " + StringMatcher.describe(match)
						+ (value == null ? ": header missing" : " does not match \"" + value + "\""));
			}
			boolean presence = StringMatcher.isPresence(match);
			String seen = value == null && !presence ? "" : value;
			if (!StringMatcher.matches(match, seen)) {
				return Optional.empty();
			}
			return Optional.of(field + " " + StringMatcher.describe(match) + " matches \"" + seen + "\"");
		}

	}

}
