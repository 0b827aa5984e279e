package io.graychain.meshlab.lab.verify;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.scenario.Expectation;
import io.graychain.meshlab.scenario.ExpectedRequest;
import io.graychain.meshlab.scenario.SeenBy;

/**
 * Checks an expected request's {@code seenBy}: each version's own count of requests, read before and
 * after the requests are sent, against the percent expected of the requests sent, with the same
 * binomial acceptance as weighted shares ({@link AcceptanceInterval}; 0 and 100 exactly). A mirrored
 * copy is sent without waiting for it, so the counts are read until they hold still (or
 * {@link #SETTLE} has passed).
 */
final class SeenByCheck {

	/** How long the counts may take to take in the last mirrored copies. */
	static final Duration SETTLE = Duration.ofSeconds(10);

	private static final long STILL_MILLIS = 300;

	private final ServedCounts served;

	private final String refusal;

	/**
	 * @param served the versions' own counts, or null where they cannot be read
	 * @param refusal why they cannot be read, when {@code served} is null
	 */
	SeenByCheck(ServedCounts served, String refusal) {
		this.served = served;
		this.refusal = refusal;
	}

	/** How many {@code seenBy} values of {@code expectation} are a share (neither 0 nor 100): each checked with its own alpha. */
	static long drawn(Expectation expectation) {
		return expectation.requests().stream().flatMap(r -> r.seenBy().percents().values().stream())
			.filter(p -> p.signum() > 0 && p.compareTo(BigDecimal.valueOf(100)) < 0).count();
	}

	/** The counts of the versions {@code request} names, before it is sent; empty when it names none. */
	Map<String, Long> before(ExpectedRequest request) {
		return served == null ? Map.of() : read(request.seenBy());
	}

	/** The result of {@code request}'s chains checked, with its {@code seenBy} checked too after {@code n} sent. */
	LiveReport.Result check(ExpectedRequest request, Map<String, Long> before, int n, double alpha, LiveReport.Result chains) {
		SeenBy seenBy = request.seenBy();
		if (seenBy.isEmpty()) {
			return chains;
		}
		List<String> lines = new ArrayList<>(chains.lines());
		if (served == null) {
			lines.add("- seenBy not checked: " + refusal);
			return new LiveReport.Result(chains.request(), chains.outcome(), lines);
		}
		Map<String, AcceptanceInterval> intervals = new LinkedHashMap<>();
		seenBy.percents().forEach((version, percent) -> intervals.put(version,
				AcceptanceInterval.of(n, percent.doubleValue() / 100, alpha)));
		Map<String, Long> seen = settle(seenBy, before, intervals);
		boolean ok = chains.outcome() != LiveReport.Outcome.FAIL;
		for (Map.Entry<String, BigDecimal> expected : seenBy.percents().entrySet()) {
			long count = seen.get(expected.getKey());
			AcceptanceInterval interval = intervals.get(expected.getKey());
			boolean fine = count <= Integer.MAX_VALUE && interval.accepts((int) count);
			ok &= fine;
			lines.add(String.format("%s seen by %-40s %4d/%d = %5.1f%%  expected %s%%, accepted %s", fine ? " " : "x",
					expected.getKey(), count, n, 100.0 * count / n, expected.getValue().toPlainString(), interval.percentRange()));
		}
		return new LiveReport.Result(chains.request(), ok ? LiveReport.Outcome.OK : LiveReport.Outcome.FAIL, lines);
	}

	/** The counts since {@code before}, once they are all accepted and hold still, or at the end of {@link #SETTLE}. */
	private Map<String, Long> settle(SeenBy seenBy, Map<String, Long> before, Map<String, AcceptanceInterval> intervals) {
		long deadline = System.nanoTime() + SETTLE.toNanos();
		Map<String, Long> last = since(read(seenBy), before);
		while (System.nanoTime() < deadline) {
			pause();
			Map<String, Long> now = since(read(seenBy), before);
			boolean accepted = now.entrySet().stream().allMatch(e -> intervals.get(e.getKey()).accepts((int) Math.min(e.getValue(), Integer.MAX_VALUE)));
			if (now.equals(last) && accepted) {
				return now;
			}
			last = now;
		}
		return last;
	}

	private Map<String, Long> read(SeenBy seenBy) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String version : seenBy.percents().keySet()) {
			counts.put(version, served.served(SeenBy.app(version), SeenBy.version(version)));
		}
		return counts;
	}

	private static Map<String, Long> since(Map<String, Long> now, Map<String, Long> before) {
		Map<String, Long> delta = new LinkedHashMap<>();
		now.forEach((version, count) -> delta.put(version, count - before.getOrDefault(version, 0L)));
		return delta;
	}

	private static void pause() {
		try {
			Thread.sleep(STILL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the versions' counts", ex);
		}
	}

}
