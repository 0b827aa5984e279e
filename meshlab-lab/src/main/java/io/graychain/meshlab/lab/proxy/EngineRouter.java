package io.graychain.meshlab.lab.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.graychain.meshlab.lab.proxy.ProxyExchange.Peer;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Service;
import io.graychain.meshlab.lab.proxy.Routed.Peers;
import io.graychain.meshlab.mesh.GatewayDef;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.Workload;
import io.graychain.meshlab.route.Decision;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.route.RoutePolicy;
import io.graychain.meshlab.route.Source;
import io.graychain.meshlab.route.TrafficPolicy;
import io.graychain.meshlab.route.WeightedDestination;

/**
 * The {@link Router} over graychain's route engine: the engine decides the destinations and their
 * shares, a uniform random number picks one, round robin picks among its pods. The rules in force
 * are swapped atomically: a request in flight finishes with the rules it started with.
 */
public final class EngineRouter implements Router {

	/** The ingress gateway as Istio's metrics name it (the istio-ingressgateway Deployment of istio-system). */
	static final Peer GATEWAY_PEER = new Peer("istio-ingressgateway", "istio-system", "istio-ingressgateway", "unknown");

	private final AtomicReference<RouteEngine> engine;

	private final Map<String, List<Endpoint>> endpointsByWorkload;

	private final AtomicLong roundRobin = new AtomicLong();

	private final Map<String, UpstreamCluster> clusters = new ConcurrentHashMap<>();

	public EngineRouter(MeshConfig config, Map<String, List<Endpoint>> endpointsByWorkload) {
		this.engine = new AtomicReference<>(new RouteEngine(config));
		Map<String, List<Endpoint>> live = new LinkedHashMap<>();
		endpointsByWorkload.forEach((workload, endpoints) -> live.put(workload, new CopyOnWriteArrayList<>(endpoints)));
		this.endpointsByWorkload = Map.copyOf(live);
	}

	/**
	 * Sends the requests that would go to {@code old} to {@code fresh} from now on: a pod replaced in
	 * a rollout, once the new one is ready. Requests in flight to {@code old} finish there.
	 */
	public void replace(Endpoint old, Endpoint fresh) {
		List<Endpoint> endpoints = endpointsByWorkload.get(old.workload());
		int index = (endpoints != null) ? endpoints.indexOf(old) : -1;
		if (index < 0 || !old.workload().equals(fresh.workload())) {
			throw new IllegalArgumentException("no endpoint " + old + " to replace with " + fresh);
		}
		endpoints.set(index, fresh);
	}

	/** Puts {@code config} in force for every request that starts from now on. */
	public void use(MeshConfig config) {
		engine.set(new RouteEngine(config));
	}

	public MeshConfig config() {
		return engine.get().config();
	}

	@Override
	public Routed route(String from, HttpRequest request) {
		RouteEngine current = engine.get();
		Optional<Source> source = source(current, from);
		Peer caller = caller(current, from);
		if (source.isEmpty()) {
			return Routed.refused(404, GATEWAY_API.equals(from)
					? "no Gateway API Gateway " + GATEWAY_API + " in the rules in force (scripts/lab apply --gateway-api <scenario>)"
					: "no " + (GATEWAY.equals(from) ? "Gateway" : "workload " + from) + " in the configuration")
				.with(new Peers(caller, Peer.UNKNOWN, Service.UNKNOWN));
		}
		Decision decision = current.decide(request, source.get());
		if (decision.outcome() == Decision.Outcome.INVALID_BACKEND) {
			return Routed.refused(500, decision.reason()).with(new Peers(caller, Peer.UNKNOWN, Service.UNKNOWN));
		}
		if (decision.outcome() != Decision.Outcome.ROUTED) {
			boolean unknownInMesh = decision.outcome() == Decision.Outcome.UNKNOWN_HOST && !GATEWAY.equals(from) && !GATEWAY_API.equals(from);
			return Routed.refused(unknownInMesh ? 502 : 404, decision.reason())
				.with(new Peers(caller, Peer.UNKNOWN, Service.UNKNOWN));
		}
		Optional<WeightedDestination> picked = decision.pick(ThreadLocalRandom.current().nextDouble());
		Service service = picked.map(p -> service(current, p)).orElse(Service.UNKNOWN);
		if (picked.isEmpty() || !picked.get().available()) {
			int status = picked.map(WeightedDestination::failStatus).orElse(503);
			return Routed.refused(status, (status == 503 ? "no healthy upstream: " : "invalid backend: ")
					+ picked.map(Object::toString).orElse(decision.reason()))
				.with(new Peers(caller, Peer.UNKNOWN, service));
		}
		Workload workload = picked.get().workload();
		Optional<Endpoint> endpoint = endpoint(picked.get());
		if (endpoint.isEmpty()) {
			return Routed.refused(503, "no healthy upstream: no pod of " + workload.name() + " runs in the lab")
				.with(new Peers(caller, Peer.UNKNOWN, service));
		}
		UpstreamCluster cluster = cluster(from, picked.get());
		Endpoint chosen = endpoint.get();
		if (cluster != null && cluster.outliers() != null) {
			chosen = cluster.outliers().choose(chosen, hosts(decision, picked.get().cluster()), roundRobin.getAndIncrement());
			if (chosen == null) {
				return Routed.refused(503, "no healthy upstream: every pod of " + picked.get().cluster()
						+ " is ejected by outlier detection").with(new Peers(caller, Peer.UNKNOWN, service));
			}
			workload = current.config().workload(chosen.workload()).orElse(workload);
		}
		RoutePolicy policy = decision.policy();
		return Routed.to(chosen, decision.reason()).withShadows(policy, mirrors(current, decision, policy, caller))
			.with(new Peers(caller, peer(workload), service)).through(clusterName(current, picked.get(), service))
			.withHosts(retryHosts(chosen, workload, cluster))
			.guardedBy(cluster);
	}

	/**
	 * The pods a retry may go to: the chosen one first, then the workload's others, less those outlier
	 * detection has ejected (Envoy's load balancer never picks an ejected host).
	 */
	private List<Endpoint> retryHosts(Endpoint chosen, Workload workload, UpstreamCluster cluster) {
		List<Endpoint> hosts = new java.util.ArrayList<>();
		hosts.add(chosen);
		for (Endpoint other : endpointsByWorkload.getOrDefault(workload.name(), List.of())) {
			if (!other.equals(chosen) && (cluster == null || cluster.outliers() == null || !cluster.outliers().ejected(other))) {
				hosts.add(other);
			}
		}
		return hosts;
	}

	/**
	 * The cluster a request goes through, named as Istio names its outbound clusters
	 * ({@code outbound|PORT|SUBSET|FQDN}, istio/istio pilot/pkg/model/service.go BuildSubsetKey), the
	 * port the Service's first.
	 */
	static String clusterName(RouteEngine engine, WeightedDestination destination, Service service) {
		int port = engine.config().service(service.fqdn()).flatMap(s -> s.ports().stream().findFirst()).orElse(0);
		return "outbound|" + port + "|" + destination.subset() + "|" + service.fqdn();
	}

	/**
	 * The cluster {@code destination} belongs to as the proxy {@code from} sees it (each Envoy has
	 * its own circuit breakers and outlier detection), following the DestinationRule in force; null
	 * when the rules set neither.
	 */
	private UpstreamCluster cluster(String from, WeightedDestination destination) {
		TrafficPolicy policy = destination.trafficPolicy();
		String key = from + " " + destination.cluster();
		if (policy.isDefault()) {
			UpstreamCluster known = clusters.get(key);
			return known == null ? null : known.follow(policy);
		}
		return clusters.computeIfAbsent(key, k -> new UpstreamCluster(destination.cluster(), policy, System::nanoTime)).follow(policy);
	}

	/** The cluster {@code name} ({@code appb}, {@code appb|v2}) as the proxy {@code from} sees it, once it has sent there. */
	public Optional<UpstreamCluster> cluster(String from, String name) {
		return Optional.ofNullable(clusters.get(from + " " + name));
	}

	/** Every pod of the cluster {@code name} among the decision's destinations: the hosts its load balancer knows. */
	private List<Endpoint> hosts(Decision decision, String name) {
		return decision.destinations().stream().filter(d -> d.available() && d.cluster().equals(name))
			.map(d -> d.workload().name()).distinct()
			.flatMap(w -> endpointsByWorkload.getOrDefault(w, List.of()).stream()).toList();
	}

	/**
	 * The pods this request is mirrored to: each mirror drawn against its percentage (Envoy's
	 * request_mirror_policies runtime_fraction, envoy source/common/router/router.cc
	 * Filter::decodeHeaders shadow policies), then its destination picked like a route's.
	 */
	private List<Routed.Shadow> mirrors(RouteEngine engine, Decision decision, RoutePolicy policy, Peer caller) {
		List<Routed.Shadow> out = new ArrayList<>();
		for (RoutePolicy.Mirror mirror : policy.mirrors()) {
			if (ThreadLocalRandom.current().nextDouble() * 100 >= mirror.percent()) {
				continue;
			}
			Decision copy = new Decision(Decision.Outcome.ROUTED, "mirror", engine.mirror(decision, mirror));
			copy.pick(ThreadLocalRandom.current().nextDouble()).filter(WeightedDestination::available).ifPresent(picked -> {
				Service service = service(engine, picked);
				endpoint(picked).ifPresent(endpoint -> out.add(new Routed.Shadow(endpoint,
						new Peers(caller, peer(picked.workload()), service), clusterName(engine, picked, service))));
			});
		}
		return out;
	}

	private Optional<Endpoint> endpoint(WeightedDestination destination) {
		List<Endpoint> endpoints = endpointsByWorkload.getOrDefault(destination.workload().name(), List.of());
		if (endpoints.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(endpoints.get((int) Math.floorMod(roundRobin.getAndIncrement(), (long) endpoints.size())));
	}

	/**
	 * The caller as Istio labels it: the ingress gateway is the Deployment {@code istio-ingressgateway}
	 * in {@code istio-system} (app {@code istio-ingressgateway}, no version label), a sidecar's caller is
	 * its own workload.
	 */
	private static Peer caller(RouteEngine engine, String from) {
		if (GATEWAY.equals(from) || GATEWAY_API.equals(from)) {
			return GATEWAY_PEER;
		}
		return engine.config().workload(from).map(EngineRouter::peer)
			.orElse(new Peer(from, engine.config().defaultNamespace(), "unknown", "unknown"));
	}

	/** A workload's pod labels as Istio's peer metadata: {@code app} and {@code version}, {@code unknown} when missing. */
	static Peer peer(Workload workload) {
		return new Peer(workload.name(), workload.namespace(), workload.labels().getOrDefault("app", "unknown"),
				workload.labels().getOrDefault("version", "unknown"));
	}

	private static Service service(RouteEngine engine, WeightedDestination destination) {
		String host = destination.service();
		int dot = host.indexOf('.');
		String name = dot < 0 ? host : host.substring(0, dot);
		String namespace = dot < 0 ? (destination.workload() != null ? destination.workload().namespace()
				: engine.config().defaultNamespace()) : host.substring(dot + 1).split("\\.")[0];
		return new Service(name, namespace);
	}

	private static Optional<Source> source(RouteEngine engine, String from) {
		if (GATEWAY.equals(from)) {
			List<GatewayDef> gateways = engine.config().gateways();
			return gateways.stream().filter(g -> "ingressgateway".equals(g.podLabels().get("istio"))).findFirst()
				.or(() -> gateways.stream().findFirst())
				.map(Source::gateway);
		}
		if (GATEWAY_API.equals(from)) {
			return engine.config().kubeGateways().stream().filter(g -> g.name().equals(from)).findFirst().map(Source::kubeGateway);
		}
		return engine.config().workload(from).map(Source::workload);
	}

}
