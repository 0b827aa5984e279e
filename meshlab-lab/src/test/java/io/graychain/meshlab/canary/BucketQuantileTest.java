package io.graychain.meshlab.canary;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * histogram_quantile over classic buckets, pinned to Prometheus' own cases:
 * prometheus/prometheus promql/promqltest/testdata/histograms.test (testhistogram3 at 50m: the
 * positive histogram counts 0, 50, 70, 110, 110 at le 0, 0.1, 0.2, 1, +Inf; the negative one 0, 10,
 * 20, 20, 20 at le -0.25, -0.2, -0.1, 0.3, +Inf) and the special cases of promql/quantile.go
 * BucketQuantile, commit d15adb9ad7e5d9fbde3a9a8f30200593a5a14d86.
 */
class BucketQuantileTest {

	private static final double INF = Double.POSITIVE_INFINITY;

	private static final List<Bucket> POSITIVE = List.of(new Bucket(0, 0), new Bucket(0.1, 50), new Bucket(0.2, 70),
			new Bucket(1, 110), new Bucket(INF, 110));

	private static final List<Bucket> NEGATIVE = List.of(new Bucket(-0.25, 0), new Bucket(-0.2, 10),
			new Bucket(-0.1, 20), new Bucket(0.3, 20), new Bucket(INF, 20));

	@ParameterizedTest(name = "q={0}")
	@CsvSource({ "0, 0, -0.25", "0.25, 0.055, -0.225", "0.5, 0.125, -0.2", "0.75, 0.45, -0.15", "1, 1, -0.1" })
	void answersAsPrometheusTestdataSays(double q, double positive, double negative) {
		assertThat(BucketQuantile.quantile(q, POSITIVE)).isCloseTo(positive, within(1e-12));
		assertThat(BucketQuantile.quantile(q, NEGATIVE)).isCloseTo(negative, within(1e-12));
	}

	@Test
	void interpolatesLinearlyInsideTheBucketTheRankFallsIn() {
		// rank 99 of 100 falls in (25, 50], which holds observations 91 to 99
		List<Bucket> buckets = List.of(new Bucket(10, 50), new Bucket(25, 90), new Bucket(50, 99), new Bucket(100, 100),
				new Bucket(INF, 100));
		assertThat(BucketQuantile.quantile(0.99, buckets)).isEqualTo(50.0);
		assertThat(BucketQuantile.quantile(0.95, buckets)).isCloseTo(25 + 25 * 5.0 / 9, within(1e-12));
		// the lowest bucket interpolates from 0
		assertThat(BucketQuantile.quantile(0.25, buckets)).isEqualTo(5.0);
	}

	@Test
	void aRankInTheInfBucketAnswersTheSecondHighestBound() {
		List<Bucket> buckets = List.of(new Bucket(100, 90), new Bucket(500, 95), new Bucket(INF, 100));
		assertThat(BucketQuantile.quantile(0.99, buckets)).isEqualTo(500.0);
	}

	@Test
	void unsortedBucketsWithRepeatedBoundsAndDecreasingCountsAreMendedAsPrometheusDoes() {
		// sorted by bound, the two le=0.2 buckets add up (coalesceBuckets), and a count lower than the
		// one before is raised to it (ensureMonotonicAndIgnoreSmallDeltas)
		List<Bucket> buckets = List.of(new Bucket(INF, 110), new Bucket(0.2, 30), new Bucket(0.1, 50),
				new Bucket(0.2, 40), new Bucket(1, 60), new Bucket(0.5, 80));
		assertThat(BucketQuantile.quantile(0.5, buckets)).isCloseTo(0.1 + 0.1 * 5 / 20.0, within(1e-12));
		assertThat(BucketQuantile.quantile(0.75, buckets)).isEqualTo(1.0);
	}

	@Test
	void countsWithinTheToleranceAreTakenAsEqual() {
		// util/almost Equal: a relative delta (|a-b| / (|a|+|b|)) under 1e-12
		assertThat(BucketQuantile.almostEqual(1e13, 1e13 + 1, BucketQuantile.SMALL_DELTA_TOLERANCE)).isTrue();
		assertThat(BucketQuantile.almostEqual(1e11, 1e11 + 1, BucketQuantile.SMALL_DELTA_TOLERANCE)).isFalse();
	}

	@Test
	void specialCases() {
		assertThat(BucketQuantile.quantile(Double.NaN, POSITIVE)).isNaN();
		assertThat(BucketQuantile.quantile(-0.1, POSITIVE)).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(BucketQuantile.quantile(1.01, POSITIVE)).isEqualTo(INF);
		assertThat(BucketQuantile.quantile(0.5, List.of())).isNaN();
		assertThat(BucketQuantile.quantile(0.5, List.of(new Bucket(1, 5), new Bucket(2, 10)))).as("no +Inf").isNaN();
		assertThat(BucketQuantile.quantile(0.5, List.of(new Bucket(INF, 10)))).as("one bucket").isNaN();
		assertThat(BucketQuantile.quantile(0.5, List.of(new Bucket(1, 0), new Bucket(INF, 0)))).as("empty").isNaN();
	}

}
