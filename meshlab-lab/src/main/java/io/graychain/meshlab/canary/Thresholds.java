package io.graychain.meshlab.canary;

import java.time.Duration;
import java.util.Locale;

/**
 * The bounds a step's figures must keep, compared as Flagger compares its built-in Istio checks
 * (fluxcd/flagger pkg/controller/scheduler_metrics.go, runBuiltinMetricChecks): the success rate fails
 * below {@code thresholdRange.min}; the p99, cut to whole milliseconds
 * ({@code time.Duration(int64(value)) * time.Millisecond} in pkg/metrics/observers/istio.go), fails
 * above {@code thresholdRange.max}; no data ("no values found") fails the check too.
 *
 * @param minSuccessRate the lowest success rate that passes, in percent
 * @param maxP99 the highest p99 that passes
 */
public record Thresholds(double minSuccessRate, Duration maxP99) {

	public Thresholds {
		if (Double.isNaN(minSuccessRate) || minSuccessRate < 0 || minSuccessRate > 100) {
			throw new CanaryException("the minimum success rate must be a percentage from 0 to 100, not " + minSuccessRate);
		}
		if (maxP99.isNegative() || maxP99.isZero()) {
			throw new CanaryException("the maximum p99 must be positive, not " + maxP99.toMillis() + " ms");
		}
	}

	public Verdict judge(Figures figures) {
		if (!figures.hasData()) {
			return Verdict.fail("no request reached the canary");
		}
		if (figures.successRate() < minSuccessRate) {
			return Verdict.fail(String.format(Locale.ROOT, "success rate %.2f%% < %s%%", figures.successRate(),
					plain(minSuccessRate)));
		}
		if (Double.isNaN(figures.p99Millis())) {
			return Verdict.fail("no request duration recorded for the canary");
		}
		long p99 = (long) figures.p99Millis();
		if (p99 > maxP99.toMillis()) {
			return Verdict.fail("p99 " + p99 + " ms > " + maxP99.toMillis() + " ms");
		}
		return Verdict.PASS;
	}

	/** {@code 99} for 99.0, {@code 99.5} for 99.5. */
	static String plain(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

}
