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
 */
public record Routed(Endpoint endpoint, int status, String reason, RoutePolicy policy, List<Endpoint> mirrors, Peers peers) {

	/** The caller, the answering workload and the Service between them. */
	public record Peers(Peer source, Peer destination, Service service) {

		public static final Peers UNKNOWN = new Peers(Peer.UNKNOWN, Peer.UNKNOWN, Service.UNKNOWN);

	}

	public Routed {
		policy = policy == null ? RoutePolicy.NONE : policy;
		mirrors = List.copyOf(mirrors);
		peers = peers == null ? Peers.UNKNOWN : peers;
	}

	public static Routed to(Endpoint endpoint, String reason) {
		return new Routed(endpoint, 0, reason, RoutePolicy.NONE, List.of(), Peers.UNKNOWN);
	}

	public static Routed refused(int status, String reason) {
		return new Routed(null, status, reason, RoutePolicy.NONE, List.of(), Peers.UNKNOWN);
	}

	/** This routing with the deciding route's policy and the pods it mirrors to. */
	public Routed with(RoutePolicy policy, List<Endpoint> mirrors) {
		return new Routed(endpoint, status, reason, policy, mirrors, peers);
	}

	/** The same decision, with who calls whom. */
	public Routed with(Peers peers) {
		return new Routed(endpoint, status, reason, policy, mirrors, peers);
	}

	public boolean routed() {
		return endpoint != null;
	}

}
