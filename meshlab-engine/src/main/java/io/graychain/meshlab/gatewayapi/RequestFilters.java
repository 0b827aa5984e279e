package io.graychain.meshlab.gatewayapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPURLRewriteFilter;
import io.graychain.meshlab.route.HttpRequest;

/**
 * A rule's filters applied to the request the proxy sends on (kubernetes-sigs/gateway-api
 * apis/v1/httproute_types.go HTTPRouteFilter): {@code RequestHeaderModifier} sets (replaces), adds
 * (appends with {@code ,}) and removes headers; {@code URLRewrite} replaces the Host and the full path
 * or the matched prefix; {@code RequestMirror} copies the request elsewhere and ignores the answer, so
 * it changes nothing about where the request goes (the copy travels in the rule's {@link RulePolicy});
 * {@code ResponseHeaderModifier} touches the answer
 * only. Other filters (RequestRedirect, ExtensionRef, CORS, ...) are refused by name.
 */
final class RequestFilters {

	private RequestFilters() {
	}

	/**
	 * The request as sent on after {@code filters}, or why the engine cannot follow them.
	 *
	 * @param matchedPrefix the PathPrefix that matched, for {@code ReplacePrefixMatch}, or null
	 */
	static Result apply(List<HTTPRouteFilter> filters, HttpRequest request, String matchedPrefix) {
		HttpRequest out = request;
		StringBuilder notes = new StringBuilder();
		for (HTTPRouteFilter f : filters) {
			String type = f.getType() == null ? "" : f.getType();
			switch (type) {
				case "RequestHeaderModifier" -> out = headers(f.getRequestHeaderModifier(), out);
				case "URLRewrite" -> {
					Optional<HttpRequest> rewritten = rewrite(f.getUrlRewrite(), out, matchedPrefix);
					if (rewritten.isEmpty()) {
						return Result.refused("URLRewrite ReplacePrefixMatch needs a PathPrefix match");
					}
					out = rewritten.get();
				}
				case "RequestMirror" -> notes.append("; mirrors to ")
					.append(f.getRequestMirror() == null || f.getRequestMirror().getBackendRef() == null ? "?"
							: f.getRequestMirror().getBackendRef().getName())
					.append(" (its answers are discarded)");
				case "ResponseHeaderModifier" -> notes.append("; modifies response headers");
				default -> {
					return Result.refused("filter " + type + " is not followed by the engine");
				}
			}
		}
		return new Result(out, notes.toString(), null);
	}

	private static HttpRequest headers(HTTPHeaderFilter filter, HttpRequest request) {
		if (filter == null) {
			return request;
		}
		Map<String, String> headers = new LinkedHashMap<>(request.headers());
		for (HTTPHeader h : HttpRouteMatcher.nonNull(filter.getSet())) {
			headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
		}
		for (HTTPHeader h : HttpRouteMatcher.nonNull(filter.getAdd())) {
			headers.merge(h.getName().toLowerCase(Locale.ROOT), h.getValue(), (old, added) -> old + "," + added);
		}
		for (String name : HttpRouteMatcher.nonNull(filter.getRemove())) {
			headers.remove(name.toLowerCase(Locale.ROOT));
		}
		return request.forward(request.host(), request.path(), headers, request.query());
	}

	private static Optional<HttpRequest> rewrite(HTTPURLRewriteFilter filter, HttpRequest request, String matchedPrefix) {
		if (filter == null) {
			return Optional.of(request);
		}
		String host = filter.getHostname() == null ? request.host() : filter.getHostname();
		String path = request.path();
		if (filter.getPath() != null) {
			if ("ReplaceFullPath".equals(filter.getPath().getType())) {
				path = filter.getPath().getReplaceFullPath();
			}
			else if ("ReplacePrefixMatch".equals(filter.getPath().getType())) {
				if (matchedPrefix == null) {
					return Optional.empty();
				}
				path = replacePrefix(matchedPrefix, filter.getPath().getReplacePrefixMatch(), path);
			}
		}
		return Optional.of(request.forward(host, path, request.headers(), request.query()));
	}

	/**
	 * The path with the matched prefix (whole elements) replaced: {@code /foo} to {@code /bar} turns
	 * {@code /foo/x} into {@code /bar/x}; an empty remainder keeps the replacement as is, and a
	 * replacement {@code /} never doubles a slash (gateway-api conformance
	 * tests/httproute-rewrite-path.go).
	 */
	static String replacePrefix(String prefix, String replacement, String path) {
		String p = prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
		String rest = p.equals("/") ? path : path.substring(p.length());
		if (rest.isEmpty()) {
			return replacement;
		}
		String r = replacement.endsWith("/") ? replacement.substring(0, replacement.length() - 1) : replacement;
		String joined = r + (rest.startsWith("/") ? rest : "/" + rest);
		return joined.isEmpty() ? "/" : joined;
	}

	/**
	 * What the filters did.
	 *
	 * @param request the request sent on
	 * @param notes what the trace should add (mirrors), starting with {@code ; }, or empty
	 * @param refusal why the engine cannot follow the filters, or null
	 */
	record Result(HttpRequest request, String notes, String refusal) {

		static Result refused(String why) {
			return new Result(null, "", why);
		}

	}

}
