package io.graychain.meshlab.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.graychain.meshlab.gatewayapi.HttpRouteEngine;
import io.graychain.meshlab.mesh.GatewayDef;
import io.graychain.meshlab.mesh.Gateways;
import io.graychain.meshlab.mesh.HostNames;
import io.graychain.meshlab.mesh.HttpRouteDef;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.ServiceDef;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * Istio's HTTP routing for one request, as the ingress gateway or a sidecar decides it: the virtual
 * host the Host header selects, its routes in order (delegates expanded, several VirtualServices
 * merged at a gateway), the first route that matches, its weighted destinations resolved to pods.
 * Without a rule, a sidecar spreads requests round robin over all pods of the Service. Each
 * decision carries its trace: the route that decided and, for every route passed over, the first
 * condition that failed.
 */
public final class RouteEngine {

	private static final int DEFAULT_PORT = 80;

	private final MeshConfig config;

	private final RouteExpander expander;

	private final DestinationResolver destinations;

	private final HttpRouteEngine httpRoutes;

	public RouteEngine(MeshConfig config) {
		this.config = config;
		this.expander = new RouteExpander(config);
		this.destinations = new DestinationResolver(config);
		this.httpRoutes = new HttpRouteEngine(config);
	}

	/** Where routes go: Services, subsets, pods, and each cluster's traffic policy. */
	public DestinationResolver destinations() {
		return destinations;
	}

	public MeshConfig config() {
		return config;
	}

	/** Where the request goes, with what share, and why. */
	public Decision decide(HttpRequest request, Source source) {
		if (source instanceof Source.AtGateway at) {
			return atGateway(request, at);
		}
		if (source instanceof Source.AtKubeGateway at) {
			return httpRoutes.atGateway(request, at.gateway(), at.port());
		}
		return inMesh(request, source);
	}

	/**
	 * Where a mirror of the route that decided sends its copy: the mirror's host and subset resolved
	 * in the namespace of the rule the route is written in (a VirtualService, or a Gateway API
	 * HTTPRoute whose RequestMirror names its backend as Istio does: the Service's FQDN), as for the
	 * route's own destinations.
	 */
	public List<WeightedDestination> mirror(Decision decision, RoutePolicy.Mirror mirror) {
		String namespace = decision.route() != null ? decision.route().rule().namespace()
				: decision.ruleRef() != null ? decision.ruleRef().namespace() : null;
		if (namespace == null) {
			return List.of();
		}
		io.fabric8.istio.api.api.networking.v1alpha3.Destination d = new io.fabric8.istio.api.api.networking.v1alpha3.Destination();
		d.setHost(mirror.host());
		d.setSubset(mirror.subset().isEmpty() ? null : mirror.subset());
		return destinations.one(d, namespace);
	}

	/**
	 * A source for a named gateway (an Istio Gateway, else a Gateway API Gateway, optionally with the
	 * port the request arrives on: {@code graychain-http:8080}) or workload (Deployment) of the
	 * configuration.
	 */
	public Source source(String name) {
		Optional<Source> gateway = config.gateways().stream().filter(g -> g.name().equals(name)).findFirst().map(Source::gateway);
		return gateway
			.or(() -> kubeGateway(name))
			.or(() -> config.workload(name).map(Source::workload))
			.orElseThrow(() -> new IllegalArgumentException("no gateway or workload named '" + name + "'"));
	}

	/** A Gateway API Gateway by name, or {@code name:port} for a request arriving on that port of it. */
	private Optional<Source> kubeGateway(String name) {
		int colon = name.lastIndexOf(':');
		String port = colon < 0 ? "" : name.substring(colon + 1);
		if (colon > 0 && !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(Character::isDigit)) {
			String gateway = name.substring(0, colon);
			return config.kubeGateways().stream().filter(g -> g.name().equals(gateway)).findFirst()
				.map(g -> Source.kubeGateway(g, Integer.parseInt(port)));
		}
		return config.kubeGateways().stream().filter(g -> g.name().equals(name)).findFirst().map(Source::kubeGateway);
	}

	/**
	 * The gateway: one virtual host per host that a server and a VirtualService both name (the more
	 * specific of the two); the routes of every VirtualService for that host appended oldest first,
	 * catch-all routes moved to the end (istio/istio pilot/pkg/networking/core/gateway.go
	 * buildGatewayHTTPRouteConfig: routes appended per host, route.go SortVHostRoutes). The port
	 * in the Host header is ignored (IgnorePortInHostMatching).
	 */
	private Decision atGateway(HttpRequest request, Source.AtGateway at) {
		GatewayDef gateway = at.gateway();
		String host = HostNames.normalize(request.host());
		Optional<Server> server = gateway.serverFor(host);
		if (server.isEmpty()) {
			return Decision.refused(Decision.Outcome.UNKNOWN_HOST, "no server of gateway " + gateway.name() + " serves " + host);
		}
		int port = server.get().getPort() == null || server.get().getPort().getNumber() == null ? DEFAULT_PORT
				: server.get().getPort().getNumber().intValue();
		Map<String, List<RouteTable>> virtualHosts = new LinkedHashMap<>();
		for (VirtualServiceDef vs : config.virtualServicesByCreation()) {
			if (vs.isDelegate() || vs.gateways().stream().noneMatch(g -> Gateways.names(g, vs.namespace(), gateway))) {
				continue;
			}
			List<String> serverHosts = gateway.servers().stream()
				.filter(s -> s.getPort() != null && s.getPort().getNumber() != null && s.getPort().getNumber() == port)
				.flatMap(s -> s.getHosts() == null ? java.util.stream.Stream.<String>empty() : s.getHosts().stream())
				.filter(h -> visibleTo(h, vs.namespace(), gateway.namespace()))
				.map(h -> h.substring(h.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT))
				.toList();
			List<String> shared = intersection(serverHosts, vs.qualifiedHosts());
			if (shared.isEmpty()) {
				continue;
			}
			RouteTable table = RouteTable.build(vs, expander, at, port);
			if (table.isEmpty()) {
				continue;
			}
			shared.forEach(h -> virtualHosts.computeIfAbsent(h, k -> new ArrayList<>()).add(table));
		}
		Optional<String> domain = VirtualHosts.select(virtualHosts.keySet(), host);
		if (domain.isEmpty()) {
			return Decision.refused(Decision.Outcome.UNKNOWN_HOST, "no VirtualService binds " + host + " to gateway " + gateway.name());
		}
		List<RouteTable> tables = virtualHosts.get(domain.get());
		List<EnvoyRoute> routes = new ArrayList<>();
		tables.forEach(t -> routes.addAll(t.routes()));
		List<EnvoyRoute> sorted = new ArrayList<>(routes.stream().filter(r -> !r.catchAll()).toList());
		sorted.addAll(routes.stream().filter(EnvoyRoute::catchAll).toList());
		return firstMatch(domain.get(), tables, sorted, request);
	}

	/**
	 * A sidecar: the Host header names a Service (short name from its own namespace, {@code name.ns},
	 * {@code name.ns.svc} or the FQDN, port ignored) or a host a mesh VirtualService names as written.
	 * Of the VirtualServices for a Service, one applies: the oldest with the exact host, else the
	 * oldest with the most specific wildcard (istio/istio pilot/pkg/model/sidecar.go
	 * computeWildcardHostVirtualServiceIndex; pilot/pkg/networking/core/httproute.go
	 * BuildSidecarOutboundVirtualHosts drops later duplicate domains). A VirtualService that gives
	 * this sidecar no route at all is skipped, and the Service's default route applies.
	 */
	private Decision inMesh(HttpRequest request, Source source) {
		String host = HostNames.normalize(request.host());
		Optional<ServiceDef> service = config.services().stream()
			.filter(s -> s.fqdn().equals(host) || host.equals(s.name() + "." + s.namespace())
					|| host.equals(s.name() + "." + s.namespace() + ".svc")
					|| host.equals(s.name()) && s.namespace().equals(source.namespace()))
			.findFirst();
		// the port the app connects to: the Host header's, else the Service's first (the outbound listener's)
		int port = port(request.host()).orElse(service.flatMap(s -> s.ports().stream().findFirst()).orElse(DEFAULT_PORT));
		List<VirtualServiceDef> mesh = config.virtualServicesByCreation().stream()
			.filter(vs -> !vs.isDelegate() && vs.boundToMesh())
			.toList();
		String target = service.map(ServiceDef::fqdn).orElse(host);
		List<VirtualServiceDef> exact = mesh.stream().filter(vs -> vs.qualifiedHosts().contains(target)).toList();
		List<HttpRouteDef> gamma = service.map(s -> httpRoutes.meshRoutes(s, port)).orElse(List.of());
		if (!gamma.isEmpty()) {
			if (!exact.isEmpty()) {
				return Decision.refused(Decision.Outcome.UNSUPPORTED, "both VirtualService " + exact.get(0).name() + " and HTTPRoute "
						+ gamma.get(0).name() + " route " + target + " in the mesh: which one a sidecar follows is not "
						+ "followed by the engine; keep one of them");
			}
			return httpRoutes.inMesh(request, service.get(), gamma);
		}
		List<VirtualServiceDef> candidates = exact;
		if (exact.isEmpty()) {
			Optional<String> wildcard = mesh.stream().flatMap(vs -> vs.qualifiedHosts().stream())
				.filter(h -> h.startsWith("*") && HostNames.covers(h, target))
				.max(Comparator.comparingInt(String::length));
			candidates = wildcard.map(w -> mesh.stream().filter(vs -> vs.qualifiedHosts().contains(w)).limit(1).toList())
				.orElse(List.of());
		}
		List<RouteTable> skipped = new ArrayList<>();
		for (VirtualServiceDef vs : candidates) {
			RouteTable table = RouteTable.build(vs, expander, source, port);
			if (!table.isEmpty()) {
				return firstMatch(target, List.of(table), table.routes(), request);
			}
			skipped.add(table);
		}
		List<PassedOver> leftOut = skipped.stream().flatMap(t -> t.leftOut().stream()).toList();
		if (service.isPresent()) {
			ServiceDef s = service.get();
			String why = skipped.isEmpty() ? "no VirtualService" : "no route of " + names(skipped) + " is on this sidecar";
			return new Decision(Decision.Outcome.ROUTED, why + ": round robin over the pods of " + s.name(),
					destinations.allPods(s), s.fqdn(), null, -1, leftOut);
		}
		return new Decision(Decision.Outcome.UNKNOWN_HOST, host + " is no Service and no mesh VirtualService names it",
				List.of(), "", null, -1, leftOut);
	}

	private Decision firstMatch(String virtualHost, List<RouteTable> tables, List<EnvoyRoute> routes, HttpRequest request) {
		List<PassedOver> passed = new ArrayList<>();
		tables.forEach(t -> passed.addAll(t.leftOut()));
		for (EnvoyRoute route : routes) {
			Optional<String> failure = MatchEvaluator.requestFailure(route.match(), request);
			if (failure.isPresent()) {
				passed.add(new PassedOver(route.route(), route.matchIndex(), failure.get()));
				continue;
			}
			ResolvedRoute decided = route.route();
			if (decided.route().getRoute() == null || decided.route().getRoute().isEmpty()) {
				return new Decision(Decision.Outcome.UNSUPPORTED, route.describe() + " has no route destinations "
						+ "(redirect, directResponse): the engine does not follow them", List.of(), virtualHost, decided, route.matchIndex(), passed);
			}
			return new Decision(Decision.Outcome.ROUTED, route.describe(),
					destinations.resolve(decided.route().getRoute(), decided.rule().namespace()), virtualHost, decided, route.matchIndex(), passed);
		}
		return new Decision(Decision.Outcome.NO_ROUTE, "no route of " + names(tables) + " matches (virtual host "
				+ virtualHost + ")", List.of(), virtualHost, null, -1, passed);
	}

	private static List<String> names(List<RouteTable> tables) {
		return tables.stream().map(t -> t.rule().name()).toList();
	}

	/** A server host {@code ns/host} is for VirtualServices of {@code ns} ({@code .}: the Gateway's, {@code *}: any). */
	private static boolean visibleTo(String serverHost, String vsNamespace, String gatewayNamespace) {
		int slash = serverHost.indexOf('/');
		if (slash < 0) {
			return true;
		}
		String ns = serverHost.substring(0, slash);
		return ns.equals("*") || ns.equals(vsNamespace) || ns.equals(".") && gatewayNamespace.equals(vsNamespace);
	}

	/**
	 * Hosts both lists name, each pair giving its more specific host (istio/istio
	 * pkg/config/host/names.go Names.Intersection).
	 */
	private static List<String> intersection(List<String> serverHosts, List<String> ruleHosts) {
		List<String> out = new ArrayList<>();
		for (String s : serverHosts) {
			for (String r : ruleHosts) {
				String shared = HostNames.covers(s, r) ? r : HostNames.covers(r, s) ? s : null;
				if (shared != null && !out.contains(shared)) {
					out.add(shared);
				}
			}
		}
		return out;
	}

	/** The port of a Host header, if it names one. */
	private static Optional<Integer> port(String hostHeader) {
		int colon = hostHeader.lastIndexOf(':');
		if (colon > 0 && colon < hostHeader.length() - 1 && hostHeader.substring(colon + 1).chars().allMatch(Character::isDigit)) {
			return Optional.of(Integer.parseInt(hostHeader.substring(colon + 1)));
		}
		return Optional.empty();
	}

}
