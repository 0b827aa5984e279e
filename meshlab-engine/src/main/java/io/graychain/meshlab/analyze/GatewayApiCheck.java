package io.graychain.meshlab.analyze;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.graychain.meshlab.gatewayapi.RulePolicy;
import io.graychain.meshlab.mesh.HttpRouteDef;
import io.graychain.meshlab.mesh.KubeGatewayDef;
import io.graychain.meshlab.mesh.MeshConfig;

/**
 * What of the Gateway API the route engine and the lab do not follow, named instead of
 * approximated: filters other than RequestHeaderModifier, ResponseHeaderModifier, URLRewrite and
 * RequestMirror (RequestRedirect answers without a backend, ExtensionRef, CORS), filters on a
 * backendRef, backendRefs and mirrors into another namespace (ReferenceGrant), {@code allowedRoutes}
 * namespaces {@code from: Selector}, {@code sessionPersistence}, and listeners the lab does not serve
 * (another port than {@link KubeGatewayDef#servedPort()}, or not HTTP).
 */
final class GatewayApiCheck implements Check {

	private static final Set<String> FOLLOWED_FILTERS = Set.of("RequestHeaderModifier", "ResponseHeaderModifier", "URLRewrite",
			"RequestMirror");

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (KubeGatewayDef gateway : config.kubeGateways()) {
			List<Listener> listeners = gateway.listeners();
			for (int i = 0; i < listeners.size(); i++) {
				listener(gateway, listeners.get(i), "spec.listeners[" + i + "]", findings);
			}
		}
		for (HttpRouteDef route : config.httpRoutesByCreation()) {
			List<HTTPRouteRule> rules = route.rules();
			for (int r = 0; r < rules.size(); r++) {
				rule(route, rules.get(r), "spec.rules[" + r + "]", findings);
			}
		}
		return findings;
	}

	private static void listener(KubeGatewayDef gateway, Listener listener, String field, List<Finding> findings) {
		String resource = "Gateway " + gateway.name();
		if (listener.getAllowedRoutes() != null && listener.getAllowedRoutes().getNamespaces() != null
				&& "Selector".equals(listener.getAllowedRoutes().getNamespaces().getFrom())) {
			findings.add(notFollowed(gateway.file(), resource, field + ".allowedRoutes.namespaces.from",
					"from: Selector: the engine knows no namespace labels; use Same or All"));
		}
		if (!"HTTP".equals(listener.getProtocol())) {
			findings.add(new Finding(Finding.Code.LISTENER_NOT_SERVED, gateway.file(), resource, field + ".protocol",
					"listener " + listener.getName() + " speaks " + listener.getProtocol()
							+ ": the lab's Gateway API gateway serves plain HTTP only"));
		}
		else if (listener.getPort() == null || listener.getPort() != gateway.servedPort()) {
			findings.add(new Finding(Finding.Code.LISTENER_NOT_SERVED, gateway.file(), resource, field + ".port",
					"listener " + listener.getName() + " is on port " + listener.getPort() + ": the lab serves port "
							+ gateway.servedPort() + " of this Gateway only; its routes answer in explain --from "
							+ gateway.name() + ":" + listener.getPort()));
		}
	}

	private static void rule(HttpRouteDef route, HTTPRouteRule rule, String field, List<Finding> findings) {
		String resource = "HTTPRoute " + route.name();
		List<HTTPRouteFilter> filters = list(rule.getFilters());
		for (int f = 0; f < filters.size(); f++) {
			HTTPRouteFilter filter = filters.get(f);
			String at = field + ".filters[" + f + "]";
			if (!FOLLOWED_FILTERS.contains(filter.getType())) {
				findings.add(notFollowed(route.file(), resource, at + ".type", "filter " + filter.getType()
						+ (("RequestRedirect".equals(filter.getType())) ? ": the engine does not answer redirects" : "")));
			}
			if ("RequestMirror".equals(filter.getType()) && filter.getRequestMirror() != null) {
				otherNamespace(route, filter.getRequestMirror().getBackendRef(), at + ".requestMirror.backendRef", findings);
			}
		}
		List<HTTPBackendRef> backends = list(rule.getBackendRefs());
		for (int b = 0; b < backends.size(); b++) {
			HTTPBackendRef ref = backends.get(b);
			String at = field + ".backendRefs[" + b + "]";
			if (!list(ref.getFilters()).isEmpty()) {
				findings.add(notFollowed(route.file(), resource, at + ".filters",
						"filters on a backendRef: put them on the rule (spec.rules[].filters) instead"));
			}
			otherNamespace(route, new BackendObjectReference(ref.getGroup(), ref.getKind(), ref.getName(), ref.getNamespace(),
					ref.getPort()), at, findings);
		}
		if (rule.getTimeouts() != null) {
			try {
				Duration request = RulePolicy.duration(rule.getTimeouts().getRequest(), "timeouts.request");
				Duration backend = RulePolicy.duration(rule.getTimeouts().getBackendRequest(), "timeouts.backendRequest");
				if (request != null && backend != null && !request.isZero() && backend.compareTo(request) > 0) {
					findings.add(new Finding(Finding.Code.INVALID_POLICY, route.file(), resource, field + ".timeouts.backendRequest",
							"backendRequest timeout cannot be longer than request timeout (gateway-api apis/v1/httproute_types.go HTTPRouteTimeouts)"));
				}
			}
			catch (IllegalArgumentException ex) {
				findings.add(new Finding(Finding.Code.INVALID_POLICY, route.file(), resource, field + ".timeouts", ex.getMessage()));
			}
		}
		if (rule.getSessionPersistence() != null) {
			findings.add(notFollowed(route.file(), resource, field + ".sessionPersistence", "sessionPersistence"));
		}
	}

	private static void otherNamespace(HttpRouteDef route, BackendObjectReference ref, String field, List<Finding> findings) {
		if (ref != null && ref.getNamespace() != null && !ref.getNamespace().equals(route.namespace())) {
			findings.add(notFollowed(route.file(), "HTTPRoute " + route.name(), field + ".namespace", "a backend in namespace "
					+ ref.getNamespace() + " needs a ReferenceGrant, which the engine does not read; move the route beside "
					+ "its backend"));
		}
	}

	private static Finding notFollowed(String file, String resource, String field, String message) {
		return new Finding(Finding.Code.NOT_FOLLOWED, file, resource, field, "not followed by graychain's route engine: " + message);
	}

	private static <T> List<T> list(List<T> list) {
		return list == null ? List.of() : list;
	}

}
