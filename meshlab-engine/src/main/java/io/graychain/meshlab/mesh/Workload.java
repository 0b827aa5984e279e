package io.graychain.meshlab.mesh;

import java.util.Map;
import java.util.stream.IntStream;
import java.util.List;

/**
 * A Deployment's pods, seen by the mesh as one workload: its pod labels and how many pods it runs.
 *
 * @param name the Deployment name, e.g. {@code appa-v2}
 * @param namespace its namespace
 * @param labels the pod template labels ({@code app}, {@code version}, ...)
 * @param replicas the number of pods
 * @param file where it was read
 */
public record Workload(String name, String namespace, Map<String, String> labels, int replicas, String file) {

	public Workload {
		labels = Map.copyOf(labels == null ? Map.of() : labels);
	}

	/** True when every given label is on this workload's pods. */
	public boolean hasLabels(Map<String, String> wanted) {
		return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
	}

	/** The {@code version} label, or empty. */
	public String version() {
		return labels.getOrDefault("version", "");
	}

	/** Pod names as the lab and reports show them: {@code appa-v2-0}, {@code appa-v2-1}, ... */
	public List<String> pods() {
		return IntStream.range(0, replicas).mapToObj(i -> name + "-" + i).toList();
	}

}
