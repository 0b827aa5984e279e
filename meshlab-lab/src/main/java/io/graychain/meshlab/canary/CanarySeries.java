package io.graychain.meshlab.canary;

import java.util.List;

/**
 * Which of Istio's standard metric series are the canary's requests: those its own sidecar reports
 * ({@code reporter="destination"}), as in Flagger's Istio queries (fluxcd/flagger
 * pkg/metrics/observers/istio.go, {@code istioQueries}).
 *
 * @param matchers the label matchers every series must pass
 * @param description how the canary is named, for messages
 */
public record CanarySeries(List<LabelMatcher> matchers, String description) {

	public CanarySeries {
		matchers = List.copyOf(matchers);
	}

	/**
	 * Flagger's selection: {@code reporter="destination", destination_workload_namespace="<namespace>",
	 * destination_workload=~"<target>"}, where the target is the canary workload (a Deployment name).
	 */
	public static CanarySeries workload(String namespace, String workloadRegex) {
		return new CanarySeries(List.of(LabelMatcher.equal("reporter", "destination"),
				LabelMatcher.equal("destination_workload_namespace", namespace),
				LabelMatcher.matches("destination_workload", workloadRegex)),
				"workload " + workloadRegex + " in " + namespace);
	}

	/**
	 * graychain's selection, where both versions run behind one Service: the requests to {@code service}'s
	 * pods labelled {@code version} ({@code destination_version}), as the destination reports them.
	 */
	public static CanarySeries version(String namespace, String service, String version) {
		return new CanarySeries(List.of(LabelMatcher.equal("reporter", "destination"),
				LabelMatcher.equal("destination_service_namespace", namespace),
				LabelMatcher.equal("destination_service_name", service),
				LabelMatcher.equal("destination_version", version)),
				service + " " + version + " in " + namespace);
	}

	/** These matchers and one more. */
	public List<LabelMatcher> and(LabelMatcher matcher) {
		return java.util.stream.Stream.concat(matchers.stream(), java.util.stream.Stream.of(matcher)).toList();
	}

	/** The matchers as the inside of a PromQL selector: {@code reporter="destination",...}. */
	public String promql() {
		return String.join(",", matchers.stream().map(LabelMatcher::toString).toList());
	}

}
