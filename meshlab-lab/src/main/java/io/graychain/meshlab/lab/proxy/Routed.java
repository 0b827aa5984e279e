package io.graychain.meshlab.lab.proxy;

import java.util.List;

import io.graychain.meshlab.lab.proxy.ProxyExchange.Peer;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Service;
import io.graychain.meshlab.route.RoutePolicy;

/**
 * What a proxy does with one request: send it to an endpoint, or answer it itself with an error
 * status the way Envoy does (404 no route, 503 no healthy upstream).
 *
 * @param endpoint the pod that answers, or null when the proxy answers
 * @param status the status the proxy answers with when there is no endpoint
 * @param reason which rule decided, readable
 * @param policy the deciding route's fault, timeout, retries and mirrors
 * @param mirrors the pods this request is mirrored to (already drawn against each mirror's percentage)
 * @param peers who calls whom, for the metrics ({@link Peers#UNKNOWN} when not known)
 * @param cluster the Envoy cluster the request goes to, as Istio names it ({@code outbound|7000|v1|product.graychain.svc.cluster.local}), or empty
 * @param shadows the {@code mirrors} with whom each copy reaches and through which cluster (for the metrics and access logs)
 * @param hosts the pods of the picked workload, where retries go (the endpoint first)
 * @param upstream the cluster's circuit breakers and outlier detection as this proxy sees them, or null
 *        when no DestinationRule sets either
 */
public record Routed(Endpoint endpoint, int status, String reason, RoutePolicy policy, List<Endpoint> mirrors, Peers peers,
		String cluster, List<Shadow> shadows, List<Endpoint> hosts, UpstreamCluster upstream) {

	/** A mirrored copy's destination: the pod, who answers it, and the cluster it is sent through. */
	public record Shadow(Endpoint endpoint, Peers peers, String cluster) {
	}

	/** The caller, the answering workload and the Service between them. */
	public record Peers(Peer source, Peer destination, Service service) {

		public static final Peers UNKNOWN = new Peers(Peer.UNKNOWN, Peer.UNKNOWN, Service.UNKNOWN);

	}

	public Routed {
		policy = policy == null ? RoutePolicy.NONE : policy;
		mirrors = List.copyOf(mirrors);
		peers = peers == null ? Peers.UNKNOWN : peers;
		cluster = cluster == null ? "" : cluster;
		shadows = shadows == null || shadows.size() != mirrors.size()
				? mirrors.stream().map(m -> new Shadow(m, Peers.UNKNOWN, "")).toList() : List.copyOf(shadows);
		hosts = hosts == null || hosts.isEmpty() ? (endpoint == null ? List.of() : List.of(endpoint)) : List.copyOf(hosts);
	}

	public Routed(Endpoint endpoint, int status, String reason, RoutePolicy policy, List<Endpoint> mirrors, Peers peers) {
		this(endpoint, status, reason, policy, mirrors, peers, "", List.of(), List.of(), null);
	}

	public static Routed to(Endpoint endpoint, String reason) {
		return new Routed(endpoint, 0, reason, RoutePolicy.NONE, List.of(), Peers.UNKNOWN);
	}

	public static Routed refused(int status, String reason) {
		return new Routed(null, status, reason, RoutePolicy.NONE, List.of(), Peers.UNKNOWN);
	}

	/** This routing with the deciding route's policy and the pods it mirrors to. */
	public Routed with(RoutePolicy policy, List<Endpoint> mirrors) {
		return new Routed(endpoint, status, reason, policy, mirrors, peers, cluster, List.of(), hosts, upstream);
	}

	/** This routing with the deciding route's policy and its mirrored copies' destinations. */
	public Routed withShadows(RoutePolicy policy, List<Shadow> shadows) {
		return new Routed(endpoint, status, reason, policy, shadows.stream().map(Shadow::endpoint).toList(), peers, cluster,
				shadows, hosts, upstream);
	}

	/** The same decision, with who calls whom. */
	public Routed with(Peers peers) {
		return new Routed(endpoint, status, reason, policy, mirrors, peers, cluster, shadows, hosts, upstream);
	}

	/** The same decision, sent through Envoy's {@code cluster}. */
	public Routed through(String cluster) {
		return new Routed(endpoint, status, reason, policy, mirrors, peers, cluster, shadows, hosts, upstream);
	}

	/** The same decision, with the pods a retry may go to (the workload's pods). */
	public Routed withHosts(List<Endpoint> hosts) {
		return new Routed(endpoint, status, reason, policy, mirrors, peers, cluster, shadows, hosts, upstream);
	}

	/** The same decision, sent through {@code upstream}'s circuit breakers and outlier detection (null: none). */
	public Routed guardedBy(UpstreamCluster upstream) {
		return new Routed(endpoint, status, reason, policy, mirrors, peers, cluster, shadows, hosts, upstream);
	}

	public boolean routed() {
		return endpoint != null;
	}

}
