package io.graychain.meshlab.canary;

import java.time.Duration;

/**
 * The canary's figures from a cluster's Prometheus, with Flagger's own queries ({@link FlaggerQueries})
 * over the step's interval, run when the interval ends.
 */
public final class PrometheusMetrics implements CanaryMetrics {

	private final PrometheusApi prometheus;

	private final String namespace;

	private final String target;

	private final Duration interval;

	/**
	 * @param prometheus the cluster's Prometheus
	 * @param namespace the canary's namespace
	 * @param target the canary's workload (Flagger's {@code target}: a regular expression, e.g. {@code product-v2})
	 * @param interval the step interval, the range of every query
	 */
	public PrometheusMetrics(PrometheusApi prometheus, String namespace, String target, Duration interval) {
		this.prometheus = prometheus;
		this.namespace = namespace;
		this.target = target;
		this.interval = interval;
	}

	@Override
	public Measurement start() {
		return () -> new Figures(
				prometheus.query(FlaggerQueries.requests(namespace, target, interval)).orElse(Double.NaN),
				prometheus.query(FlaggerQueries.successRate(namespace, target, interval)).orElse(Double.NaN),
				prometheus.query(FlaggerQueries.duration(namespace, target, interval)).orElse(Double.NaN));
	}

}
