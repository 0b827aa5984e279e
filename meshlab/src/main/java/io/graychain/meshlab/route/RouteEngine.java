package io.graychain.meshlab.route;

import java.util.List;
import java.util.Optional;

import io.graychain.meshlab.mesh.GatewayDef;
import io.graychain.meshlab.mesh.Gateways;
import io.graychain.meshlab.mesh.HostNames;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.ServiceDef;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * Istio's HTTP routing for one request, as the ingress gateway or a sidecar decides it: the rules
 * bound to the source and covering the host, their routes in order (delegates expanded), the first
 * route that matches, its weighted destinations resolved to pods. Without a rule, a sidecar spreads
 * requests round robin over all pods of the Service.
 */
public final class RouteEngine {

	private final MeshConfig config;

	private final RouteExpander expander;

	private final DestinationResolver destinations;

	public RouteEngine(MeshConfig config) {
		this.config = config;
		this.expander = new RouteExpander(config);
		this.destinations = new DestinationResolver(config);
	}

	public MeshConfig config() {
		return config;
	}

	/** Where the request goes, with what share. */
	public Decision decide(HttpRequest request, Source source) {
		if (source instanceof Source.AtGateway at) {
			return atGateway(request, at);
		}
		return inMesh(request, source);
	}

	/** A source for a named gateway or workload (Deployment) of the configuration. */
	public Source source(String name) {
		Optional<Source> gateway = config.gateways().stream().filter(g -> g.name().equals(name)).findFirst().map(Source::gateway);
		return gateway.or(() -> config.workload(name).map(Source::workload))
			.orElseThrow(() -> new IllegalArgumentException("no gateway or workload named '" + name + "'"));
	}

	private Decision atGateway(HttpRequest request, Source.AtGateway at) {
		GatewayDef gateway = at.gateway();
		String host = HostNames.normalize(request.host());
		if (!gateway.accepts(host)) {
			return Decision.refused(Decision.Outcome.UNKNOWN_HOST, "gateway " + gateway.name() + " does not serve " + host);
		}
		List<VirtualServiceDef> rules = config.virtualServices().stream()
			.filter(vs -> !vs.isDelegate() && vs.gateways().stream().anyMatch(g -> Gateways.names(g, vs.namespace(), gateway)))
			.filter(vs -> vs.qualifiedHosts().stream().anyMatch(h -> HostNames.covers(h, host)))
			.toList();
		if (rules.isEmpty()) {
			return Decision.refused(Decision.Outcome.UNKNOWN_HOST, "no VirtualService binds " + host + " to gateway " + gateway.name());
		}
		return firstMatch(rules, request, at);
	}

	private Decision inMesh(HttpRequest request, Source source) {
		String host = HostNames.qualify(request.host(), source.namespace());
		Optional<VirtualServiceDef> rule = config.virtualServices().stream()
			.filter(vs -> !vs.isDelegate() && vs.boundToMesh())
			.filter(vs -> vs.qualifiedHosts().stream().anyMatch(h -> HostNames.covers(h, host)))
			.findFirst();
		if (rule.isPresent()) {
			return firstMatch(List.of(rule.get()), request, source);
		}
		Optional<ServiceDef> service = config.service(host);
		return service.map(s -> Decision.routed("no VirtualService: round robin over the pods of " + s.name(), destinations.allPods(s)))
			.orElseGet(() -> Decision.refused(Decision.Outcome.UNKNOWN_HOST, host + " is no Service"));
	}

	private Decision firstMatch(List<VirtualServiceDef> rules, HttpRequest request, Source source) {
		for (VirtualServiceDef rule : rules) {
			for (ResolvedRoute route : expander.routes(rule)) {
				if (MatchEvaluator.anyMatches(route.matches(), request, source, route.rule().namespace())) {
					return Decision.routed(route.describe(),
							destinations.resolve(nonNull(route.route().getRoute()), route.rule().namespace()));
				}
			}
		}
		return Decision.refused(Decision.Outcome.NO_ROUTE, "no route of " + rules.stream().map(VirtualServiceDef::name).toList()
				+ " matches");
	}

	private static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}

}
