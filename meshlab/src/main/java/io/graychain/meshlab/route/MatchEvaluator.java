package io.graychain.meshlab.route;

import java.util.List;
import java.util.Map;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.graychain.meshlab.mesh.GatewayDef;
import io.graychain.meshlab.mesh.Gateways;

/** Decides whether one {@code HTTPMatchRequest} holds: every field it sets must hold (AND). */
final class MatchEvaluator {

	private MatchEvaluator() {
	}

	/** True when any of {@code matches} holds (OR); an empty list matches everything. */
	static boolean anyMatches(List<HTTPMatchRequest> matches, HttpRequest request, Source source, String ruleNamespace) {
		return matches.isEmpty() || matches.stream().anyMatch(m -> matches(m, request, source, ruleNamespace));
	}

	static boolean matches(HTTPMatchRequest m, HttpRequest request, Source source, String ruleNamespace) {
		boolean ignoreCase = Boolean.TRUE.equals(m.getIgnoreUriCase());
		return gatewayMatches(m.getGateways(), source, ruleNamespace)
				&& optional(m.getUri(), request.path(), ignoreCase)
				&& optional(m.getMethod(), request.method(), false)
				&& optional(m.getScheme(), "http", false)
				&& optional(m.getAuthority(), request.host(), false)
				&& all(m.getHeaders(), request.headers())
				&& all(m.getQueryParams(), request.query())
				&& none(m.getWithoutHeaders(), request.headers())
				&& labelsMatch(m.getSourceLabels(), source.labels())
				&& (m.getSourceNamespace() == null || m.getSourceNamespace().equals(source.namespace()));
	}

	/** True when the source is one of {@code gateways} ({@code mesh} for sidecars); an empty list allows all. */
	static boolean gatewayMatches(List<String> gateways, Source source, String ruleNamespace) {
		if (gateways == null || gateways.isEmpty()) {
			return true;
		}
		if (source instanceof Source.AtGateway at) {
			GatewayDef gateway = at.gateway();
			return gateways.stream().anyMatch(g -> Gateways.names(g, ruleNamespace, gateway));
		}
		return gateways.contains(Gateways.MESH);
	}

	private static boolean optional(StringMatch match, String value, boolean ignoreCase) {
		return match == null || StringMatcher.matches(match, value, ignoreCase);
	}

	/** Every named value is present and matches; names are compared as written (lower case). */
	private static boolean all(Map<String, StringMatch> wanted, Map<String, String> values) {
		return wanted == null || wanted.entrySet().stream().allMatch(e -> StringMatcher.matches(e.getValue(), values.get(e.getKey())));
	}

	/** No named value matches: {@code withoutHeaders}. */
	private static boolean none(Map<String, StringMatch> unwanted, Map<String, String> values) {
		return unwanted == null || unwanted.entrySet().stream().noneMatch(e -> StringMatcher.matches(e.getValue(), values.get(e.getKey())));
	}

	private static boolean labelsMatch(Map<String, String> wanted, Map<String, String> labels) {
		return wanted == null || wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
	}

}
