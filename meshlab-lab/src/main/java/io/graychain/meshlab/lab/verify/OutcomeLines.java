package io.graychain.meshlab.lab.verify;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.graychain.meshlab.scenario.ExpectedStatuses;
import io.graychain.meshlab.scenario.ExpectedRequest;
import io.graychain.meshlab.scenario.LatencyBounds;

/**
 * The live check of an expected request's {@code statuses} and {@code latency}: each share's count
 * inside its {@link AcceptanceInterval} (as the chains' shares), a status marked {@code some} seen at
 * least once, no status that is not named; every request's time within the bounds.
 */
final class OutcomeLines {

	private OutcomeLines() {
	}

	/** Adds a line per status to {@code lines}; false when a status is off. */
	static boolean statuses(ExpectedRequest request, Sampler.Sample sample, double alpha, List<String> lines) {
		ExpectedStatuses expected = request.statuses();
		if (expected == null) {
			return true;
		}
		Map<Integer, Integer> seen = new TreeMap<>(sample.statuses());
		int n = seen.values().stream().mapToInt(Integer::intValue).sum();
		boolean ok = true;
		for (Map.Entry<Integer, BigDecimal> share : expected.shares().entrySet()) {
			int count = seen.getOrDefault(share.getKey(), 0);
			AcceptanceInterval interval = AcceptanceInterval.of(n, share.getValue().doubleValue() / 100, expected.single() ? 0 : alpha);
			boolean fine = interval.accepts(count);
			ok &= fine;
			lines.add(String.format("%s status %-43d %4d/%d = %5.1f%%  expected %s%%%s", fine ? " " : "x", share.getKey(), count, n,
					percent(count, n), share.getValue().toPlainString(), expected.single() ? "" : ", accepted " + interval.percentRange()));
		}
		for (int status : expected.some()) {
			int count = seen.getOrDefault(status, 0);
			ok &= count > 0;
			lines.add(String.format("%s status %-43d %4d/%d = %5.1f%%  expected some", count > 0 ? " " : "x", status, count, n,
					percent(count, n)));
		}
		for (Map.Entry<Integer, Integer> status : seen.entrySet()) {
			if (!expected.statuses().contains(status.getKey())) {
				ok = false;
				lines.add(String.format("x status %-43d %4d/%d   unexpected", status.getKey(), status.getValue(), n));
			}
		}
		return ok;
	}

	/** Adds the latency line to {@code lines}; false when a request's time is out of bounds. */
	static boolean latency(ExpectedRequest request, Sampler.Sample sample, List<String> lines) {
		LatencyBounds bounds = request.latency();
		if (bounds == null) {
			return true;
		}
		List<Duration> times = sample.times();
		if (times.isEmpty()) {
			lines.add("  latency not measured (sent from a pod): expected " + bounds.describe());
			return true;
		}
		long out = times.stream().filter(t -> !bounds.holds(t)).count();
		long min = times.stream().mapToLong(Duration::toMillis).min().orElse(0);
		long max = times.stream().mapToLong(Duration::toMillis).max().orElse(0);
		lines.add(String.format("%s latency %dms..%dms over %d requests, expected %s%s", out == 0 ? " " : "x", min, max, times.size(),
				bounds.describe(), out == 0 ? "" : ": " + out + " outside"));
		return out == 0;
	}

	private static double percent(int count, int n) {
		return n == 0 ? 0 : 100.0 * count / n;
	}

}
