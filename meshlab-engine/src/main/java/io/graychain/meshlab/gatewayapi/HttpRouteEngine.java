package io.graychain.meshlab.gatewayapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.graychain.meshlab.mesh.HostNames;
import io.graychain.meshlab.mesh.HttpRouteDef;
import io.graychain.meshlab.mesh.KubeGatewayDef;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.ServiceDef;
import io.graychain.meshlab.route.Decision;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.PassedOver;
import io.graychain.meshlab.route.VirtualHosts;
import io.graychain.meshlab.route.WeightedDestination;

/**
 * Gateway API HTTPRoutes for one request, at the gateway of a Gateway ({@code parentRefs} kind
 * Gateway) or at a sidecar calling a Service they attach to ({@code parentRefs} kind Service: GAMMA
 * mesh routing). The decision carries the same trace as a VirtualService's: the rule that decided,
 * every match passed over with the first condition that failed, and the routes not attached.
 */
public final class HttpRouteEngine {

	private static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

	private final MeshConfig config;

	private final Backends backends;

	public HttpRouteEngine(MeshConfig config) {
		this.config = config;
		this.backends = new Backends(config);
	}

	/**
	 * At the gateway, for a request arriving on {@code port}: the HTTPRoutes attached to one of the
	 * Gateway's HTTP listeners on that port (parentRef by name, sectionName and port; the listener's
	 * {@code allowedRoutes}; gateway-api conformance tests/httproute-listener-port-matching.go), each serving the intersection
	 * of its hostnames with the listener's ({@code *.example.com} covers every host ending in
	 * {@code .example.com}; a route without hostnames takes the listener's). Every route with a
	 * hostname covering the Host header (port ignored) takes part, a wildcard route's rules next to an
	 * exact one's: their matches are ordered by {@link MatchEntry#PRECEDENCE} and the first that matches
	 * decides (gateway-api conformance tests/httproute-matching-across-routes.go: {@code *.com}'s
	 * {@code /v2} beats {@code example.com}'s {@code /}). No route for the host, or no match: 404.
	 */
	public Decision atGateway(HttpRequest request, KubeGatewayDef gateway, int port) {
		String host = HostNames.normalize(request.host());
		Map<String, List<HttpRouteDef>> byHost = new LinkedHashMap<>();
		List<HttpRouteDef> serving = new ArrayList<>();
		List<PassedOver> notAttached = new ArrayList<>();
		for (HttpRouteDef route : config.httpRoutesByCreation()) {
			List<ParentReference> refs = route.parentRefs().stream().filter(p -> namesGateway(p, route, gateway)).toList();
			if (refs.isEmpty()) {
				continue;
			}
			List<String> hosts = new ArrayList<>();
			List<String> why = new ArrayList<>();
			for (Listener listener : gateway.listeners()) {
				Optional<String> refused = attachFailure(route, refs, listener, gateway, port);
				if (refused.isPresent()) {
					why.add(refused.get());
					continue;
				}
				List<String> shared = intersection(listener.getHostname(), route.hostnames());
				if (shared.isEmpty()) {
					why.add("hostnames " + route.hostnames() + " do not intersect listener " + listener.getName() + " ("
							+ listener.getHostname() + ")");
				}
				shared.stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
			}
			if (hosts.isEmpty()) {
				notAttached.add(new PassedOver(null, -1, "not attached: " + String.join("; ", why),
						"HTTPRoute " + route.namespace() + "/" + route.name()));
			}
			hosts.forEach(h -> byHost.computeIfAbsent(h, k -> new ArrayList<>()).add(route));
			if (hosts.stream().anyMatch(h -> HostNames.covers(h, host))) {
				serving.add(route);
			}
		}
		Optional<String> domain = VirtualHosts.select(byHost.keySet(), host);
		if (domain.isEmpty()) {
			return new Decision(Decision.Outcome.UNKNOWN_HOST, "no HTTPRoute attached to Gateway " + gateway.name() + " serves "
					+ host, List.of(), "", null, -1, notAttached);
		}
		return firstMatch(domain.get(), serving, notAttached, request);
	}

	/**
	 * The HTTPRoutes attached to a Service for a sidecar's request to it: parentRef kind Service
	 * (group core), the Service's namespace (a producer route) or the caller's (a consumer route), the
	 * port when the parentRef names one. Hostnames do not apply to mesh routes (GEP-1426).
	 */
	public List<HttpRouteDef> meshRoutes(ServiceDef service, int port) {
		return config.httpRoutesByCreation().stream()
			.filter(r -> r.parentRefs().stream().anyMatch(p -> "Service".equals(p.getKind())
					&& (p.getGroup() == null || p.getGroup().isEmpty() || "core".equals(p.getGroup()))
					&& service.name().equals(p.getName())
					&& service.namespace().equals(p.getNamespace() == null ? r.namespace() : p.getNamespace())
					&& (p.getPort() == null || p.getPort() == port)))
			.toList();
	}

	/** At a sidecar, with the routes {@link #meshRoutes} found: the first match by precedence decides, else 404. */
	public Decision inMesh(HttpRequest request, ServiceDef service, List<HttpRouteDef> routes) {
		return firstMatch(service.fqdn(), routes, List.of(), request);
	}

	private Decision firstMatch(String virtualHost, List<HttpRouteDef> routes, List<PassedOver> notAttached, HttpRequest request) {
		List<PassedOver> passed = new ArrayList<>(notAttached);
		for (MatchEntry entry : MatchEntry.ordered(routes)) {
			Optional<String> failure = HttpRouteMatcher.failure(entry.match(), request);
			if (failure.isPresent()) {
				passed.add(new PassedOver(null, entry.matchIndex(), failure.get(), entry.describe()));
				continue;
			}
			return decide(virtualHost, entry, passed, request);
		}
		return new Decision(Decision.Outcome.NO_ROUTE, "no rule of HTTPRoute " + String.join(", ",
				routes.stream().map(HttpRouteDef::name).toList()) + " matches (host " + virtualHost + ")", List.of(), virtualHost,
				null, -1, passed);
	}

	private Decision decide(String virtualHost, MatchEntry entry, List<PassedOver> passed, HttpRequest request) {
		HTTPRouteRule rule = entry.rule();
		String matchedPrefix = "PathPrefix".equals(HttpRouteMatcher.pathType(entry.match().getPath()))
				? HttpRouteMatcher.pathValue(entry.match().getPath()) : null;
		if (HttpRouteMatcher.nonNull(rule.getBackendRefs()).stream().anyMatch(b -> !HttpRouteMatcher.nonNull(b.getFilters()).isEmpty())) {
			return new Decision(Decision.Outcome.UNSUPPORTED, entry.describe() + ": filters on a backendRef are not followed by the engine",
					List.of(), virtualHost, null, -1, passed, entry.ref(), null);
		}
		RequestFilters.Result filtered = RequestFilters.apply(HttpRouteMatcher.nonNull(rule.getFilters()), request, matchedPrefix);
		if (filtered.refusal() != null) {
			return new Decision(Decision.Outcome.UNSUPPORTED, entry.describe() + ": " + filtered.refusal(), List.of(), virtualHost,
					null, -1, passed, entry.ref(), null);
		}
		HttpRequest forwarded = filtered.request().equals(request) ? null : filtered.request();
		List<WeightedDestination> destinations = backends.resolve(HttpRouteMatcher.nonNull(rule.getBackendRefs()),
				entry.route().namespace());
		if (destinations.isEmpty()) {
			String why = HttpRouteMatcher.nonNull(rule.getBackendRefs()).stream()
				.map(b -> backends.invalid(b, entry.route().namespace()).orElse(Backends.weight(b) == 0 ? "backendRef " + b.getName()
						+ ": weight 0" : ""))
				.filter(s -> !s.isEmpty())
				.reduce((a, b) -> a + "; " + b)
				.orElse("no backendRefs");
			return new Decision(Decision.Outcome.INVALID_BACKEND, entry.describe() + ": no valid backend (" + why + ")", List.of(),
					virtualHost, null, -1, passed, entry.ref(), forwarded);
		}
		RulePolicy.Result policy = RulePolicy.of(rule, entry.route().namespace(), backends);
		if (policy.refusal() != null) {
			return new Decision(Decision.Outcome.UNSUPPORTED, entry.describe() + ": " + policy.refusal(), List.of(), virtualHost,
					null, -1, passed, entry.ref(), null);
		}
		return new Decision(Decision.Outcome.ROUTED, entry.describe() + filtered.notes() + policy.notes(), destinations, virtualHost,
				null, -1, passed, entry.ref(), forwarded, policy.policy());
	}

	private static boolean namesGateway(ParentReference p, HttpRouteDef route, KubeGatewayDef gateway) {
		String kind = p.getKind() == null ? "Gateway" : p.getKind();
		String group = p.getGroup() == null ? GATEWAY_GROUP : p.getGroup();
		String namespace = p.getNamespace() == null ? route.namespace() : p.getNamespace();
		return kind.equals("Gateway") && group.equals(GATEWAY_GROUP) && gateway.name().equals(p.getName())
				&& gateway.namespace().equals(namespace);
	}

	/** Why none of {@code refs} attaches the route to {@code listener}, or empty when one does. */
	private static Optional<String> attachFailure(HttpRouteDef route, List<ParentReference> refs, Listener listener,
			KubeGatewayDef gateway, int port) {
		if (listener.getPort() == null || listener.getPort() != port) {
			return Optional.of("listener " + listener.getName() + " is on port " + listener.getPort() + ", the request arrived on port "
					+ port + (port == gateway.servedPort() ? " (the port of Gateway " + gateway.name() + " the lab serves)" : ""));
		}
		if (!"HTTP".equals(listener.getProtocol()) && !"HTTPS".equals(listener.getProtocol())) {
			return Optional.of("listener " + listener.getName() + " speaks " + listener.getProtocol() + ", not HTTP");
		}
		boolean named = refs.stream().anyMatch(p -> (p.getSectionName() == null || p.getSectionName().equals(listener.getName()))
				&& (p.getPort() == null || p.getPort().equals(listener.getPort())));
		if (!named) {
			return Optional.of("no parentRef names listener " + listener.getName());
		}
		AllowedRoutes allowed = listener.getAllowedRoutes();
		if (allowed != null && allowed.getKinds() != null && !allowed.getKinds().isEmpty()
				&& allowed.getKinds().stream().noneMatch(k -> "HTTPRoute".equals(k.getKind()))) {
			return Optional.of("listener " + listener.getName() + " allows no HTTPRoute (allowedRoutes.kinds)");
		}
		String from = allowed == null || allowed.getNamespaces() == null || allowed.getNamespaces().getFrom() == null ? "Same"
				: allowed.getNamespaces().getFrom();
		return switch (from) {
			case "All" -> Optional.empty();
			case "Same" -> route.namespace().equals(gateway.namespace()) ? Optional.empty()
					: Optional.of("listener " + listener.getName() + " allows routes from its own namespace " + gateway.namespace()
							+ " only (allowedRoutes.namespaces.from: Same)");
			default -> Optional.of("allowedRoutes.namespaces.from: " + from + " is not followed by the engine");
		};
	}

	/**
	 * The hostnames a route serves on a listener (gateway-api apis/v1/httproute_types.go
	 * HTTPRouteSpec.Hostnames): a listener without hostname takes the route's (none: every host); a
	 * route without hostnames takes the listener's; else each pair gives the more specific when one
	 * covers the other.
	 */
	static List<String> intersection(String listenerHostname, List<String> routeHostnames) {
		String listener = listenerHostname == null || listenerHostname.isEmpty() ? "*" : listenerHostname.toLowerCase(java.util.Locale.ROOT);
		if (routeHostnames.isEmpty()) {
			return List.of(listener);
		}
		List<String> out = new ArrayList<>();
		for (String r : routeHostnames) {
			String shared = HostNames.covers(listener, r) ? r : HostNames.covers(r, listener) ? listener : null;
			if (shared != null && !out.contains(shared)) {
				out.add(shared);
			}
		}
		return out;
	}

}
