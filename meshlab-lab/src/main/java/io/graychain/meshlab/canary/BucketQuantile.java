package io.graychain.meshlab.canary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code histogram_quantile} over a classic histogram, exactly as Prometheus computes it:
 * prometheus/prometheus promql/quantile.go {@code BucketQuantile} (with {@code coalesceBuckets} and
 * {@code ensureMonotonicAndIgnoreSmallDeltas}, tolerance {@code smallDeltaTolerance} = 1e-12, and
 * util/almost {@code Equal}) at commit d15adb9ad7e5d9fbde3a9a8f30200593a5a14d86.
 *
 * <p>The buckets are sorted by upper bound; without a {@code +Inf} bucket, with fewer than two
 * buckets or with no observation the answer is NaN. The rank {@code q * observations} is found in the
 * first bucket whose count reaches it, and the quantile interpolated linearly inside that bucket
 * (between 0 and its upper bound for the lowest bucket when that bound is positive). A rank in the
 * {@code +Inf} bucket answers the upper bound of the second highest bucket.
 */
public final class BucketQuantile {

	static final double SMALL_DELTA_TOLERANCE = 1e-12;

	/** The smallest positive normal double (Go's math.Float64frombits(0x0010000000000000)). */
	private static final double MIN_NORMAL = Double.MIN_NORMAL;

	private BucketQuantile() {
	}

	public static double quantile(double q, List<Bucket> input) {
		if (Double.isNaN(q)) {
			return Double.NaN;
		}
		if (q < 0) {
			return Double.NEGATIVE_INFINITY;
		}
		if (q > 1) {
			return Double.POSITIVE_INFINITY;
		}
		if (input.isEmpty()) {
			return Double.NaN;
		}
		List<Bucket> sorted = new ArrayList<>(input);
		sorted.sort(Comparator.comparingDouble(Bucket::upperBound));
		if (sorted.get(sorted.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
			return Double.NaN;
		}
		double[] bounds = new double[sorted.size()];
		double[] counts = new double[sorted.size()];
		int n = coalesce(sorted, bounds, counts);
		ensureMonotonicAndIgnoreSmallDeltas(counts, n);
		if (n < 2) {
			return Double.NaN;
		}
		double observations = counts[n - 1];
		if (observations == 0) {
			return Double.NaN;
		}
		double rank = q * observations;
		int b = 0;
		// sort.Search(len(buckets)-1, ...): the first of all but the last bucket whose count reaches rank
		while (b < n - 1 && !(counts[b] >= rank)) {
			b++;
		}
		if (b == n - 1) {
			return bounds[n - 2];
		}
		if (b == 0 && bounds[0] <= 0) {
			return bounds[0];
		}
		double bucketStart = 0;
		double bucketEnd = bounds[b];
		double count = counts[b];
		if (b > 0) {
			bucketStart = bounds[b - 1];
			count -= counts[b - 1];
			rank -= counts[b - 1];
		}
		return bucketStart + (bucketEnd - bucketStart) * (rank / count);
	}

	/** coalesceBuckets: buckets with the same upper bound add up. Returns how many remain. */
	private static int coalesce(List<Bucket> sorted, double[] bounds, double[] counts) {
		int i = 0;
		bounds[0] = sorted.get(0).upperBound();
		counts[0] = sorted.get(0).count();
		for (Bucket bucket : sorted.subList(1, sorted.size())) {
			if (bucket.upperBound() == bounds[i]) {
				counts[i] += bucket.count();
			}
			else {
				i++;
				bounds[i] = bucket.upperBound();
				counts[i] = bucket.count();
			}
		}
		return i + 1;
	}

	/**
	 * ensureMonotonicAndIgnoreSmallDeltas: a count that differs from the previous one by a relative
	 * delta below the tolerance, or that is lower, is set to the previous one (which stays the
	 * reference).
	 */
	private static void ensureMonotonicAndIgnoreSmallDeltas(double[] counts, int n) {
		double prev = counts[0];
		for (int i = 1; i < n; i++) {
			double curr = counts[i];
			if (curr == prev) {
				continue;
			}
			if (almostEqual(prev, curr, SMALL_DELTA_TOLERANCE) || curr < prev) {
				counts[i] = prev;
				continue;
			}
			prev = curr;
		}
	}

	/** util/almost Equal (the stale-marker case aside: scrapes carry no stale markers). */
	static boolean almostEqual(double a, double b, double epsilon) {
		if (Double.isNaN(a) && Double.isNaN(b)) {
			return true;
		}
		if (a == b) {
			return true;
		}
		double absSum = Math.abs(a) + Math.abs(b);
		double diff = Math.abs(a - b);
		if (a == 0 || b == 0 || absSum < MIN_NORMAL) {
			return diff < epsilon * MIN_NORMAL;
		}
		return diff / Math.min(absSum, Double.MAX_VALUE) < epsilon;
	}

}
