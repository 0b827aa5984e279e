package io.graychain.meshlab.route;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One HTTP request as a proxy sees it.
 *
 * @param host the Host (authority) header, e.g. {@code appa.graychain.local} or {@code appb:8000}
 * @param path the path without query string
 * @param method the method, e.g. {@code GET}
 * @param headers header values by lower-case name (a {@code cookie} header carries the cookies)
 * @param query query parameters by name: the first value of each, as sent (not URL-decoded), which is
 *        what Envoy compares (envoy source/common/router/config_utility.cc QueryParameterMatcher::matches,
 *        Http::Utility::QueryParamsMulti::parseQueryString, getFirstValue)
 */
public record HttpRequest(String host, String path, String method, Map<String, String> headers,
		Map<String, String> query) {

	public HttpRequest {
		headers = headers.entrySet().stream()
			.collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
		query = Map.copyOf(query);
	}

	/** A GET of {@code pathAndQuery} (e.g. {@code /greet?name=xx}) on {@code host}. */
	public static HttpRequest get(String host, String pathAndQuery) {
		int q = pathAndQuery.indexOf('?');
		String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
		Map<String, String> query = new LinkedHashMap<>();
		if (q >= 0) {
			for (String pair : pathAndQuery.substring(q + 1).split("&")) {
				if (!pair.isEmpty()) {
					int eq = pair.indexOf('=');
					query.putIfAbsent(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
				}
			}
		}
		return new HttpRequest(host, path, "GET", Map.of(), query);
	}

	/** The header value for a name (compared lower case, as HTTP/2 and Envoy see it), or null. */
	public String header(String name) {
		return headers.get(name);
	}

	public HttpRequest withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(headers);
		copy.put(name.toLowerCase(Locale.ROOT), value);
		return new HttpRequest(host, path, method, copy, query);
	}

	/** Adds a cookie the way browsers send them: {@code Cookie: a=1; user=tester}. */
	public HttpRequest withCookie(String name, String value) {
		String cookie = header("cookie");
		return withHeader("cookie", (cookie == null || cookie.isEmpty() ? "" : cookie + "; ") + name + "=" + value);
	}

	public HttpRequest withQuery(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(query);
		copy.put(name, value);
		return new HttpRequest(host, path, method, headers, copy);
	}

	/** The same request sent to another host and path, keeping the given headers only. */
	public HttpRequest forward(String newHost, String newPath, Map<String, String> newHeaders, Map<String, String> newQuery) {
		return new HttpRequest(newHost, newPath, method, newHeaders, newQuery);
	}

}
