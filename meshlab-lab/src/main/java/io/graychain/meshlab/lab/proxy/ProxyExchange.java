package io.graychain.meshlab.lab.proxy;

/**
 * What one proxy did with one request, once its reply is sent: who called whom through which
 * Service, how it ended, and how long it took.
 *
 * @param reporterProxy the proxy that handled it: {@link Router#GATEWAY} or the Deployment whose sidecar it is
 * @param source the caller: the gateway's workload or the calling Deployment
 * @param destination the workload whose pod answered, {@link Peer#UNKNOWN} when the proxy answered itself
 * @param service the destination Service (short name and namespace), {@link Service#UNKNOWN} when no route matched
 * @param status the response code sent to the caller (0 when the reply was cut off before its headers)
 * @param responseFlags Envoy's response flags, comma-separated, {@code -} for none
 * @param protocol {@code http} or {@code grpc}, as Istio's {@code request_protocol}
 * @param durationMillis from the request's arrival to the last byte of the reply
 * @param upstreamPod the pod that answered, or empty
 * @param mirrored true for a mirrored copy (its reply is dropped)
 * @param requestId the request's {@code x-request-id} (the gateway sets one; the services pass it on)
 * @param startedNanos when the request arrived ({@link System#nanoTime()}): orders the hops of one chain
 */
public record ProxyExchange(String reporterProxy, Peer source, Peer destination, Service service, int status,
		String responseFlags, String protocol, double durationMillis, String upstreamPod, boolean mirrored,
		String requestId, long startedNanos) {

	/** A workload as Istio's metrics label it; {@code unknown} where a label is missing. */
	public record Peer(String workload, String namespace, String app, String version) {

		public static final Peer UNKNOWN = new Peer("unknown", "unknown", "unknown", "unknown");

		/** Istio's canonical revision: the {@code version} label, else {@code latest}. */
		public String canonicalRevision() {
			return "unknown".equals(version) ? "latest" : version;
		}

	}

	/** A destination Service: its short name and namespace. */
	public record Service(String name, String namespace) {

		public static final Service UNKNOWN = new Service("unknown", "unknown");

		/** {@code name.namespace.svc.cluster.local}, or {@code unknown}. */
		public String fqdn() {
			return "unknown".equals(name) ? "unknown" : name + "." + namespace + ".svc.cluster.local";
		}

	}

}
