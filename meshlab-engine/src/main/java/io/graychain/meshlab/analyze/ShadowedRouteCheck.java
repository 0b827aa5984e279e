package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * A route can never match when every one of its match entries asks at least what an earlier
 * route's entry asks (the earlier one is first: Envoy takes the first route that matches). Routes
 * after a catch-all are {@link RouteOrderCheck}'s.
 */
final class ShadowedRouteCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			List<HTTPRoute> http = vs.http();
			for (int j = 1; j < http.size(); j++) {
				List<HTTPMatchRequest> later = matches(http.get(j));
				if (later.isEmpty() || http.subList(0, j).stream().anyMatch(RouteOrderCheck::isCatchAll)) {
					continue;
				}
				for (int i = 0; i < j; i++) {
					List<HTTPMatchRequest> earlier = matches(http.get(i));
					if (http.get(i).getDelegate() == null && later.stream().allMatch(l -> earlier.stream().anyMatch(e -> covers(e, l)))) {
						findings.add(RouteVisitor.finding(Finding.Code.SHADOWED_ROUTE, vs, "spec.http[" + j + "]",
								"route can never match: spec.http[" + i + "] before it matches every request it would"));
						break;
					}
				}
			}
		}
		return findings;
	}

	/** True when every request that {@code l} matches also matches {@code e}. */
	static boolean covers(HTTPMatchRequest e, HTTPMatchRequest l) {
		return uriCovers(e.getUri(), l.getUri()) && same(e.getMethod(), l.getMethod()) && same(e.getAuthority(), l.getAuthority())
				&& same(e.getScheme(), l.getScheme()) && subset(e.getHeaders(), l.getHeaders())
				&& subset(e.getQueryParams(), l.getQueryParams()) && subset(e.getWithoutHeaders(), l.getWithoutHeaders())
				&& subset(e.getSourceLabels(), l.getSourceLabels()) && same(e.getSourceNamespace(), l.getSourceNamespace())
				&& same(e.getPort(), l.getPort()) && Objects.equals(e.getIgnoreUriCase(), l.getIgnoreUriCase())
				&& (e.getGateways() == null || e.getGateways().isEmpty() || Objects.equals(e.getGateways(), l.getGateways()));
	}

	private static boolean uriCovers(StringMatch e, StringMatch l) {
		if (e == null) {
			return true;
		}
		if (l == null) {
			return false;
		}
		if (e.getMatchType() instanceof StringMatchPrefix p) {
			return l.getMatchType() instanceof StringMatchPrefix lp && lp.getPrefix().startsWith(p.getPrefix())
					|| l.getMatchType() instanceof StringMatchExact le && le.getExact().startsWith(p.getPrefix());
		}
		return e.equals(l);
	}

	/** {@code e} sets nothing, or the same as {@code l}. */
	private static boolean same(Object e, Object l) {
		return e == null || e.equals(l);
	}

	private static <V> boolean subset(Map<String, V> e, Map<String, V> l) {
		return e == null || e.isEmpty() || l != null && e.entrySet().stream().allMatch(x -> Objects.equals(l.get(x.getKey()), x.getValue()));
	}

	private static List<HTTPMatchRequest> matches(HTTPRoute route) {
		return route.getMatch() == null ? List.of() : route.getMatch();
	}

}
