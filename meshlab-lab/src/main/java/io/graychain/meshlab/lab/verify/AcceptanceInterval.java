package io.graychain.meshlab.lab.verify;

/**
 * The counts a correct weighted rule produces with high probability: for {@code n} requests of which
 * each takes a chain with probability {@code p}, the count is binomial, and it falls below {@code low}
 * or above {@code high} with probability at most {@code alpha} (each tail at most {@code alpha / 2}),
 * computed exactly from the binomial distribution.
 *
 * @param n the number of requests
 * @param p the expected share, 0..1
 * @param low the smallest accepted count
 * @param high the largest accepted count
 */
public record AcceptanceInterval(int n, double p, int low, int high) {

	/** The interval for {@code n} requests, share {@code p} and false-failure probability {@code alpha}. */
	public static AcceptanceInterval of(int n, double p, double alpha) {
		if (p <= 0 || p >= 1) {
			int exact = p <= 0 ? 0 : n;
			return new AcceptanceInterval(n, p, exact, exact);
		}
		double[] pmf = pmf(n, p);
		int low = 0;
		double lowTail = 0;
		while (low < n && lowTail + pmf[low] <= alpha / 2) {
			lowTail += pmf[low++];
		}
		int high = n;
		double highTail = 0;
		while (high > low && highTail + pmf[high] <= alpha / 2) {
			highTail += pmf[high--];
		}
		return new AcceptanceInterval(n, p, low, high);
	}

	/** The binomial probabilities of 0..n, computed in log space so that none underflows early. */
	static double[] pmf(int n, double p) {
		double[] log = new double[n + 1];
		log[0] = n * Math.log1p(-p);
		double odds = Math.log(p) - Math.log1p(-p);
		for (int k = 0; k < n; k++) {
			log[k + 1] = log[k] + Math.log((double) (n - k) / (k + 1)) + odds;
		}
		double[] pmf = new double[n + 1];
		for (int k = 0; k <= n; k++) {
			pmf[k] = Math.exp(log[k]);
		}
		return pmf;
	}

	public boolean accepts(int count) {
		return count >= low && count <= high;
	}

	/** E.g. {@code 44.2%..55.8%}. */
	public String percentRange() {
		return String.format("%.1f%%..%.1f%%", 100.0 * low / n, 100.0 * high / n);
	}

}
