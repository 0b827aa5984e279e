package io.graychain.meshlab.lab.proxy;

import io.graychain.meshlab.lab.proxy.ProxyExchange.Peer;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Service;

/**
 * What a proxy does with one request: send it to an endpoint, or answer it itself with an error
 * status the way Envoy does (404 no route, 503 no healthy upstream).
 *
 * @param endpoint the pod that answers, or null when the proxy answers
 * @param status the status the proxy answers with when there is no endpoint
 * @param reason which rule decided, readable
 * @param peers who calls whom, for the metrics ({@link Peers#UNKNOWN} when not known)
 */
public record Routed(Endpoint endpoint, int status, String reason, Peers peers) {

	/** The caller, the answering workload and the Service between them. */
	public record Peers(Peer source, Peer destination, Service service) {

		public static final Peers UNKNOWN = new Peers(Peer.UNKNOWN, Peer.UNKNOWN, Service.UNKNOWN);

	}

	public static Routed to(Endpoint endpoint, String reason) {
		return new Routed(endpoint, 0, reason, Peers.UNKNOWN);
	}

	public static Routed refused(int status, String reason) {
		return new Routed(null, status, reason, Peers.UNKNOWN);
	}

	/** The same decision, with who calls whom. */
	public Routed with(Peers peers) {
		return new Routed(endpoint, status, reason, peers);
	}

	public boolean routed() {
		return endpoint != null;
	}

}
