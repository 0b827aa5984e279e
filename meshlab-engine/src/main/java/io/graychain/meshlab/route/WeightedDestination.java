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
 */
public record WeightedDestination(String service, String subset, Workload workload, Share share, int failStatus) {

	public WeightedDestination(String service, String subset, Workload workload, Share share) {
		this(service, subset, workload, share, 503);
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
