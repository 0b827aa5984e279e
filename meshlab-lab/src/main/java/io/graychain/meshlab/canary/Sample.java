package io.graychain.meshlab.canary;

import java.util.Map;

/**
 * One sample of a Prometheus text exposition: a series (metric name and labels) and its value.
 *
 * @param name the metric name, e.g. {@code istio_requests_total}
 * @param labels the labels, in no particular order
 * @param value the value ({@code NaN} and infinities included)
 */
public record Sample(String name, Map<String, String> labels, double value) {

	public Sample {
		labels = Map.copyOf(labels);
	}

	/** The value of {@code label}, or the empty string, as PromQL reads a missing label. */
	public String label(String label) {
		return labels.getOrDefault(label, "");
	}

}
