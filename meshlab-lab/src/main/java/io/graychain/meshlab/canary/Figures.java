package io.graychain.meshlab.canary;

import java.util.Locale;

/**
 * What one analysis measured of the canary over an interval. NaN means no data: no request reached
 * the canary, or the metrics source had nothing to answer.
 *
 * @param requests how many requests reached the canary
 * @param successRate requests without a 5xx response code over all requests, in percent
 * @param p99Millis the 99th percentile of the request duration, in milliseconds
 */
public record Figures(double requests, double successRate, double p99Millis) {

	/** Nothing measured. */
	public static Figures none() {
		return new Figures(Double.NaN, Double.NaN, Double.NaN);
	}

	public boolean hasData() {
		return !Double.isNaN(successRate);
	}

	/** E.g. {@code requests 120, success rate 99.17%, p99 48.5 ms}. */
	@Override
	public String toString() {
		return "requests " + format("%.0f", requests) + ", success rate " + format("%.2f%%", successRate) + ", p99 "
				+ format("%.1f ms", p99Millis);
	}

	private static String format(String pattern, double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, pattern, value);
	}

}
