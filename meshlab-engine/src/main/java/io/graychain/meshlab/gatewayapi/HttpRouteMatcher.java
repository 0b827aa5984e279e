package io.graychain.meshlab.gatewayapi;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.StringMatcher;

/**
 * One HTTPRouteMatch against a request, as the Gateway API specification defines it
 * (kubernetes-sigs/gateway-api apis/v1/httproute_types.go HTTPRouteMatch, HTTPPathMatch,
 * HTTPHeaderMatch, HTTPQueryParamMatch): every condition of a match must hold (AND), a missing path
 * is {@code PathPrefix /}; {@code PathPrefix} matches whole path elements ({@code /foo} matches
 * {@code /foo} and {@code /foo/bar}, not {@code /foobar}; a trailing {@code /} is ignored); header
 * names compare case-insensitively, values exactly; query parameter names and values compare
 * exactly; {@code RegularExpression} is a full match (RE2, as Envoy's safe_regex).
 */
final class HttpRouteMatcher {

	static final String DEFAULT_PREFIX = "/";

	private HttpRouteMatcher() {
	}

	/** The first condition of {@code match} the request fails, or empty when it matches. */
	static Optional<String> failure(HTTPRouteMatch match, HttpRequest request) {
		Optional<String> path = pathFailure(match.getPath(), request.path());
		if (path.isPresent()) {
			return path;
		}
		if (match.getMethod() != null && !match.getMethod().equals(request.method())) {
			return Optional.of("method " + match.getMethod() + ": is " + request.method());
		}
		for (HTTPHeaderMatch h : nonNull(match.getHeaders())) {
			String value = request.header(h.getName().toLowerCase(java.util.Locale.ROOT));
			String what = "headers." + h.getName() + " " + type(h.getType()) + " " + h.getValue();
			if (value == null) {
				return Optional.of(what + ": header missing");
			}
			if (!matches(h.getType(), h.getValue(), value)) {
				return Optional.of(what + ": is \"" + value + "\"");
			}
		}
		for (HTTPQueryParamMatch q : nonNull(match.getQueryParams())) {
			String value = request.query().get(q.getName());
			String what = "queryParams." + q.getName() + " " + type(q.getType()) + " " + q.getValue();
			if (value == null) {
				return Optional.of(what + ": parameter missing");
			}
			if (!matches(q.getType(), q.getValue(), value)) {
				return Optional.of(what + ": is \"" + value + "\"");
			}
		}
		return Optional.empty();
	}

	/** The path match's type, {@code PathPrefix} when unset. */
	static String pathType(HTTPPathMatch path) {
		return path == null || path.getType() == null ? "PathPrefix" : path.getType();
	}

	/** The path match's value, {@code /} when unset. */
	static String pathValue(HTTPPathMatch path) {
		return path == null || path.getValue() == null ? DEFAULT_PREFIX : path.getValue();
	}

	/** True when {@code path} is under {@code prefix} element by element. */
	static boolean underPrefix(String prefix, String path) {
		String p = prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
		if (p.equals("/")) {
			return true;
		}
		return path.equals(p) || path.startsWith(p + "/");
	}

	private static Optional<String> pathFailure(HTTPPathMatch match, String path) {
		String type = pathType(match);
		String value = pathValue(match);
		boolean ok = switch (type) {
			case "Exact" -> path.equals(value);
			case "RegularExpression" -> StringMatcher.pattern(value, false).matches(path);
			default -> underPrefix(value, path);
		};
		return ok ? Optional.empty() : Optional.of("path " + type + " " + value + ": " + path + (type.equals("PathPrefix")
				? " is not under it" : " does not match"));
	}

	private static boolean matches(String type, String expected, String value) {
		return "RegularExpression".equals(type) ? StringMatcher.pattern(expected, false).matches(value) : expected.equals(value);
	}

	private static String type(String type) {
		return type == null ? "Exact" : type;
	}

	static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}

}
