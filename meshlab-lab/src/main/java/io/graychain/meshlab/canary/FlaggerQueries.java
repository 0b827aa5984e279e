package io.graychain.meshlab.canary;

import java.time.Duration;

/**
 * The PromQL of Flagger's built-in Istio checks, with Flagger's template variables
 * ({@code {{ namespace }}}, {@code {{ target }}}, {@code {{ interval }}}) filled in: fluxcd/flagger
 * pkg/metrics/observers/istio.go, {@code istioQueries}, commit 15bd6ad555e6c935da55f0ab95977be74c149bd6.
 * Whitespace runs collapse to one blank, as Flagger's PrometheusProvider.trimQuery does before sending.
 */
public final class FlaggerQueries {

	private static final String SUCCESS_RATE = """
			sum(
				rate(
					istio_requests_total{
						reporter="destination",
						destination_workload_namespace="{{ namespace }}",
						destination_workload=~"{{ target }}",
						response_code!~"5.*"
					}[{{ interval }}]
				)
			)\s
			/\s
			sum(
				rate(
					istio_requests_total{
						reporter="destination",
						destination_workload_namespace="{{ namespace }}",
						destination_workload=~"{{ target }}"
					}[{{ interval }}]
				)
			)\s
			* 100""";

	private static final String DURATION = """
			histogram_quantile(
				0.99,
				sum(
					rate(
						istio_request_duration_milliseconds_bucket{
							reporter="destination",
							destination_workload_namespace="{{ namespace }}",
							destination_workload=~"{{ target }}"
						}[{{ interval }}]
					)
				) by (le)
			)""";

	/** Not one of Flagger's: how many requests reached the target over the interval, for the report. */
	private static final String REQUESTS = """
			sum(increase(istio_requests_total{reporter="destination",
				destination_workload_namespace="{{ namespace }}",
				destination_workload=~"{{ target }}"}[{{ interval }}]))""";

	private FlaggerQueries() {
	}

	/** request-success-rate, in percent. */
	public static String successRate(String namespace, String target, Duration interval) {
		return render(SUCCESS_RATE, namespace, target, interval);
	}

	/** request-duration: the p99 in milliseconds. */
	public static String duration(String namespace, String target, Duration interval) {
		return render(DURATION, namespace, target, interval);
	}

	public static String requests(String namespace, String target, Duration interval) {
		return render(REQUESTS, namespace, target, interval);
	}

	/** A PromQL duration: whole seconds as {@code 30s}, else milliseconds ({@code 1500ms}). */
	static String promqlDuration(Duration interval) {
		return interval.toMillis() % 1000 == 0 ? interval.toSeconds() + "s" : interval.toMillis() + "ms";
	}

	private static String render(String template, String namespace, String target, Duration interval) {
		return template.replace("{{ namespace }}", namespace)
			.replace("{{ target }}", target)
			.replace("{{ interval }}", promqlDuration(interval))
			.replaceAll("\\s+", " ")
			.strip();
	}

}
