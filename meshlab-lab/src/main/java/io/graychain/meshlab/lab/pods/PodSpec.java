package io.graychain.meshlab.lab.pods;

import java.util.Map;

/**
 * One pod of a rendered Deployment, as the lab runs it: a local process of the service's runnable jar.
 *
 * @param name the pod name, e.g. {@code appa-v2-0} (one per replica)
 * @param workload the Deployment name, e.g. {@code appa-v2}
 * @param module the service (Maven module and image name), e.g. {@code appa}
 * @param labels the pod template labels
 * @param env the container environment, downward-API values resolved
 * @param containerPort the port the container listens on in a cluster
 * @param readinessPath the path of the readiness probe
 */
public record PodSpec(String name, String workload, String module, Map<String, String> labels, Map<String, String> env,
		int containerPort, String readinessPath) {

	public PodSpec {
		labels = Map.copyOf(labels);
		env = Map.copyOf(env);
	}

	/** The {@code version} label, or empty. */
	public String version() {
		return labels.getOrDefault("version", "");
	}

}
