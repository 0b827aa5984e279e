package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.re2j.PatternSyntaxException;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.graychain.meshlab.mesh.Gateways;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;
import io.graychain.meshlab.route.StringMatcher;

/** Match entries: valid RE2 regexes, lower-case header names, {@code sourceLabels} only where sidecars route. */
final class MatchCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			RouteVisitor.matches(vs, (match, field) -> {
				regex(vs, match.getUri(), field + ".uri", findings);
				regex(vs, match.getMethod(), field + ".method", findings);
				regex(vs, match.getAuthority(), field + ".authority", findings);
				regex(vs, match.getScheme(), field + ".scheme", findings);
				named(vs, match.getHeaders(), field + ".headers", true, findings);
				named(vs, match.getWithoutHeaders(), field + ".withoutHeaders", true, findings);
				named(vs, match.getQueryParams(), field + ".queryParams", false, findings);
				if (match.getSourceLabels() != null && !match.getSourceLabels().isEmpty() && gatewaysOnly(vs, match)) {
					findings.add(RouteVisitor.finding(Finding.Code.SOURCE_LABELS_ON_GATEWAY_ONLY, vs, field + ".sourceLabels",
							"sourceLabels never match: the rule is bound to gateways only, add 'mesh' for sidecar traffic"));
				}
			});
		}
		return findings;
	}

	private static boolean gatewaysOnly(VirtualServiceDef vs, HTTPMatchRequest match) {
		List<String> gateways = match.getGateways() != null && !match.getGateways().isEmpty() ? match.getGateways()
				: vs.gateways();
		return !vs.isDelegate() && !gateways.isEmpty() && !gateways.contains(Gateways.MESH);
	}

	private static void named(VirtualServiceDef vs, Map<String, StringMatch> matches, String field, boolean header,
			List<Finding> findings) {
		if (matches == null) {
			return;
		}
		matches.forEach((name, match) -> {
			if (header && !name.equals(name.toLowerCase(Locale.ROOT))) {
				findings.add(RouteVisitor.finding(Finding.Code.UPPERCASE_HEADER_NAME, vs, field + "." + name,
						"header name '" + name + "' matches as '" + name.toLowerCase(Locale.ROOT)
								+ "': Envoy lower-cases header names; write it lower case"));
			}
			regex(vs, match, field + "." + name, findings);
		});
	}

	private static void regex(VirtualServiceDef vs, StringMatch match, String field, List<Finding> findings) {
		if (match != null && match.getMatchType() instanceof StringMatchRegex regex) {
			try {
				StringMatcher.pattern(regex.getRegex(), false);
			}
			catch (PatternSyntaxException ex) {
				findings.add(RouteVisitor.finding(Finding.Code.INVALID_REGEX, vs, field + ".regex",
						"not a valid RE2 regex: " + ex.getMessage()));
			}
		}
	}

}
