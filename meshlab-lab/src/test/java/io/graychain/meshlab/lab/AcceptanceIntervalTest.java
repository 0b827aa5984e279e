package io.graychain.meshlab.lab;

import io.graychain.meshlab.lab.verify.AcceptanceInterval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistical tolerance of weighted rules: exact binomial tails. */
class AcceptanceIntervalTest {

	@Test
	void fiftyFiftyOverAThousandRequests() {
		AcceptanceInterval interval = AcceptanceInterval.of(1000, 0.5, 0.001);
		assertThat(interval.low()).isBetween(440, 450);
		assertThat(interval.high()).isEqualTo(1000 - interval.low());
		assertThat(interval.accepts(500)).isTrue();
		assertThat(interval.accepts(600)).as("a 60/40 rule is caught").isFalse();
	}

	@Test
	void aCorrectRuleFailsLessOftenThanAlpha() {
		for (double p : new double[] { 0.1, 0.2, 0.5, 0.8, 0.9 }) {
			AcceptanceInterval interval = AcceptanceInterval.of(1000, p, 0.001);
			double[] pmf = binomial(1000, p);
			double outside = 0;
			for (int k = 0; k <= 1000; k++) {
				outside += interval.accepts(k) ? 0 : pmf[k];
			}
			assertThat(outside).as("p=" + p).isLessThanOrEqualTo(0.001).isGreaterThan(0.0001);
		}
	}

	@Test
	void tenNinetyIsToldFromTwentyEighty() {
		AcceptanceInterval interval = AcceptanceInterval.of(1000, 0.1, 0.0005);
		assertThat(interval.accepts(100)).isTrue();
		assertThat(interval.accepts(200)).isFalse();
		assertThat(interval.percentRange()).matches("\\d+\\.\\d%\\.\\.\\d+\\.\\d%");
	}

	@Test
	void sharesOfNothingOrEverythingAreExact() {
		assertThat(AcceptanceInterval.of(20, 1, 0.001)).isEqualTo(new AcceptanceInterval(20, 1, 20, 20));
		assertThat(AcceptanceInterval.of(20, 0, 0.001)).isEqualTo(new AcceptanceInterval(20, 0, 0, 0));
	}

	/** Binomial probabilities straight from the formula, in log space. */
	private static double[] binomial(int n, double p) {
		double[] logs = new double[n + 1];
		for (int k = 0; k <= n; k++) {
			logs[k] = logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
		}
		double[] pmf = new double[n + 1];
		for (int k = 0; k <= n; k++) {
			pmf[k] = Math.exp(logs[k]);
		}
		return pmf;
	}

	private static double logChoose(int n, int k) {
		double sum = 0;
		for (int i = 1; i <= k; i++) {
			sum += Math.log(n - k + i) - Math.log(i);
		}
		return sum;
	}

}
