package io.graychain.meshlab.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canary's figures over an interval, from two scrapes of Istio's standard metrics (at its start
 * and at its end), with the formulas of Flagger's Istio checks (fluxcd/flagger
 * pkg/metrics/observers/istio.go, {@code istioQueries}, commit 15bd6ad555e6c935da55f0ab95977be74c149bd6):
 *
 * <pre>
 * request-success-rate  sum(rate(istio_requests_total{&lt;canary&gt;, response_code!~"5.*"}[i]))
 *                         / sum(rate(istio_requests_total{&lt;canary&gt;}[i])) * 100
 * request-duration      histogram_quantile(0.99,
 *                         sum(rate(istio_request_duration_milliseconds_bucket{&lt;canary&gt;}[i])) by (le))
 * </pre>
 *
 * Over one interval {@code rate} is the increase divided by the interval's length, which cancels out of
 * both a ratio and a quantile; so each series counts its increase between the scrapes. A counter lower
 * at the end than at the start was reset (its process restarted) and counts its end value, as
 * Prometheus' counter-reset handling does; a series missing at the start counts from zero (the lab's
 * counters start at zero when a series is first written, where Prometheus would need two samples).
 */
public final class IntervalAnalysis {

	static final String REQUESTS = "istio_requests_total";

	static final String DURATION_BUCKETS = "istio_request_duration_milliseconds_bucket";

	private static final LabelMatcher NOT_5XX = LabelMatcher.notMatches("response_code", "5.*");

	private IntervalAnalysis() {
	}

	public static Figures analyse(Scrape start, Scrape end, CanarySeries canary) {
		double total = increase(start, end.select(REQUESTS, canary.matchers()));
		double succeeded = increase(start, end.select(REQUESTS, canary.and(NOT_5XX)));
		double successRate = total == 0 ? Double.NaN : succeeded / total * 100;
		return new Figures(total, successRate, BucketQuantile.quantile(0.99, buckets(start, end, canary)));
	}

	/** {@code sum(...) by (le)} of the increases of the canary's duration buckets. */
	static List<Bucket> buckets(Scrape start, Scrape end, CanarySeries canary) {
		Map<Double, Double> byBound = new TreeMap<>();
		for (Sample sample : end.select(DURATION_BUCKETS, canary.matchers())) {
			Double bound = Floats.parse(sample.label("le"));
			if (bound == null) {
				throw new CanaryException(DURATION_BUCKETS + ": le=\"" + sample.label("le") + "\" is not a number");
			}
			byBound.merge(bound, increase(start, List.of(sample)), Double::sum);
		}
		List<Bucket> buckets = new ArrayList<>();
		byBound.forEach((bound, count) -> buckets.add(new Bucket(bound, count)));
		return buckets;
	}

	private static double increase(Scrape start, List<Sample> ends) {
		double sum = 0;
		for (Sample end : ends) {
			double before = start.find(end).map(Sample::value).orElse(0.0);
			sum += end.value() >= before ? end.value() - before : end.value();
		}
		return sum;
	}

}
