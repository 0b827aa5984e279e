package io.graychain.meshlab.lab.client;

import java.util.List;
import java.util.Map;

/**
 * Sends requests from inside a workload's pod on a cluster, so that the pod's own sidecar routes
 * them with the workload's labels. Requests go in batches: one call sends {@code count} requests,
 * each on a new connection, and returns one reply per request, in order.
 */
public interface PodSender {

	/** Sends from no pod: requests from inside the mesh need the lab's sidecars then. */
	PodSender NONE = new PodSender() {

		@Override
		public boolean canSend(String workload) {
			return false;
		}

		@Override
		public List<OneShotHttp.Reply> send(String workload, String host, String pathAndQuery, Map<String, String> headers,
				int count) {
			throw new IllegalArgumentException("no pod of workload '" + workload + "' to send from");
		}

		@Override
		public String describe() {
			return "";
		}

	};

	/** True when requests can be sent from the pod of {@code workload} (a Deployment name). */
	boolean canSend(String workload);

	/**
	 * Sends {@code count} requests from a pod of {@code workload}.
	 *
	 * @throws SendFailure when they could not be sent (the message names the workload and why)
	 */
	List<OneShotHttp.Reply> send(String workload, String host, String pathAndQuery, Map<String, String> headers, int count);

	/** How requests leave the pods, for a report, e.g. {@code kubectl exec in namespace graychain}. */
	String describe();

}
