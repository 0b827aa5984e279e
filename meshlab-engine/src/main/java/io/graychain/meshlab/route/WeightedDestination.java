package io.graychain.meshlab.route;

import io.graychain.meshlab.mesh.Workload;

/**
 * Where a share of requests goes: a Service, a subset of it, and one workload's pods.
 *
 * @param service the Service name (or the host as written when it is no Service)
 * @param subset the subset, or empty when the route names none
 * @param workload the workload whose pods answer, or null when nothing answers (HTTP 503)
 * @param share the exact share of requests
 * @param failStatus what the proxy answers for this share when no pod does: 503 (no healthy
 *        upstream), or 500 for a Gateway API backendRef that names no Service
 * @param trafficPolicy the DestinationRule's circuit breakers and outlier detection for this cluster
 */
public record WeightedDestination(String service, String subset, Workload workload, Share share, int failStatus,
		TrafficPolicy trafficPolicy) {

	public WeightedDestination {
		trafficPolicy = trafficPolicy == null ? TrafficPolicy.ISTIO_DEFAULT : trafficPolicy;
	}

	public WeightedDestination(String service, String subset, Workload workload, Share share) {
		this(service, subset, workload, share, 503);
	}

	public WeightedDestination(String service, String subset, Workload workload, Share share, int failStatus) {
		this(service, subset, workload, share, failStatus, TrafficPolicy.ISTIO_DEFAULT);
	}

	/** The Envoy cluster this share goes to: the Service and the subset ({@code outbound|port|subset|host}). */
	public String cluster() {
		return subset.isEmpty() ? service : service + "|" + subset;
	}

	/** True when pods answer this share. */
	public boolean available() {
		return workload != null;
	}

	/** The version label of the answering pods, or empty. */
	public String version() {
		return workload == null ? "" : workload.version();
	}

	@Override
	public String toString() {
		return service + (subset.isEmpty() ? "" : "/" + subset) + " -> "
				+ (workload == null ? "no pod (" + failStatus + ")" : workload.name()) + " " + share;
	}

}
