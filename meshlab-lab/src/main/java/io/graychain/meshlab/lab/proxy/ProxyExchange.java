package io.graychain.meshlab.lab.proxy;

import java.time.Instant;

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
 * @param details what an access log line shows besides: start time, method, path, authority, bytes, upstream
 */
public record ProxyExchange(String reporterProxy, Peer source, Peer destination, Service service, int status,
		String responseFlags, String protocol, double durationMillis, String upstreamPod, boolean mirrored,
		String requestId, long startedNanos, Details details) {

	public ProxyExchange {
		details = details == null ? Details.NONE : details;
	}

	/** An exchange without the access log's details. */
	public ProxyExchange(String reporterProxy, Peer source, Peer destination, Service service, int status,
			String responseFlags, String protocol, double durationMillis, String upstreamPod, boolean mirrored,
			String requestId, long startedNanos) {
		this(reporterProxy, source, destination, service, status, responseFlags, protocol, durationMillis, upstreamPod,
				mirrored, requestId, startedNanos, Details.NONE);
	}

	/**
	 * The request as Envoy's access log shows it (empty strings where unknown, printed {@code -}).
	 *
	 * @param startTime when the first byte of the request arrived (%START_TIME%)
	 * @param method %REQ(:METHOD)%
	 * @param path path and query as received (%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%)
	 * @param authority the Host the proxy routed on (%REQ(:AUTHORITY)%); a mirrored copy's ends in {@code -shadow}
	 * @param userAgent %REQ(USER-AGENT)%
	 * @param forwardedFor %REQ(X-FORWARDED-FOR)%
	 * @param bytesReceived the request body's bytes (%BYTES_RECEIVED%)
	 * @param bytesSent the reply body's bytes (%BYTES_SENT%)
	 * @param upstreamHost the pod's address, {@code 127.0.0.1:port} (%UPSTREAM_HOST%)
	 * @param upstreamCluster Istio's cluster name, {@code outbound|port|subset|fqdn} (%UPSTREAM_CLUSTER_RAW%)
	 * @param upstreamPort the answering pod's port, 0 when none answered (its inbound cluster {@code inbound|port||})
	 */
	public record Details(Instant startTime, String method, String path, String authority, String userAgent,
			String forwardedFor, long bytesReceived, long bytesSent, String upstreamHost, String upstreamCluster,
			int upstreamPort) {

		public static final Details NONE = new Details(Instant.EPOCH, "", "", "", "", "", 0, 0, "", "", 0);

	}

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
