package io.graychain.meshlab.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's check of an expected request's {@code statuses} and {@code latency} against what the
 * rules predict ({@link OutcomePredictor}): each share exact (to a millionth of a percent), a status
 * marked {@code some} possible, no other status possible; {@code atLeast} no more than the least time
 * any outcome takes, {@code below} more than the least time of every outcome.
 */
final class OutcomeCheck {

	private static final double EXACT = 1e-6;

	private OutcomeCheck() {
	}

	static List<String> problems(ExpectedRequest request, Map<OutcomePredictor.Outcome, Double> outcomes) {
		List<String> problems = new ArrayList<>();
		Map<Integer, Double> byStatus = new TreeMap<>();
		outcomes.forEach((o, p) -> byStatus.merge(o.status(), p * 100, Double::sum));
		ExpectedStatuses statuses = request.statuses();
		if (statuses != null) {
			for (Map.Entry<Integer, BigDecimal> e : statuses.shares().entrySet()) {
				double predicted = byStatus.getOrDefault(e.getKey(), 0.0);
				if (Math.abs(predicted - e.getValue().doubleValue()) > EXACT) {
					problems.add("expected " + e.getValue().toPlainString() + "% of status " + e.getKey() + ", the rules give "
							+ percent(predicted));
				}
			}
			for (int status : statuses.some()) {
				if (byStatus.getOrDefault(status, 0.0) <= 0) {
					problems.add("expected some status " + status + ", the rules never give it");
				}
			}
			byStatus.forEach((status, predicted) -> {
				if (!statuses.statuses().contains(status)) {
					problems.add("unexpected status " + status + ": the rules give " + percent(predicted));
				}
			});
		}
		LatencyBounds latency = request.latency();
		if (latency != null && !outcomes.isEmpty()) {
			long least = outcomes.keySet().stream().mapToLong(OutcomePredictor.Outcome::leastMillis).min().orElse(0);
			long most = outcomes.keySet().stream().mapToLong(OutcomePredictor.Outcome::leastMillis).max().orElse(0);
			if (latency.atLeast() != null && latency.atLeast().toMillis() > least) {
				problems.add("expected every request to take at least " + LatencyBounds.text(latency.atLeast())
						+ ", the rules make some take no more than " + least + "ms");
			}
			if (latency.below() != null && latency.below().toMillis() <= most) {
				problems.add("expected every request below " + LatencyBounds.text(latency.below())
						+ ", the rules make some take at least " + most + "ms");
			}
		}
		return problems;
	}

	private static String percent(double p) {
		return BigDecimal.valueOf(p).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
	}

}
