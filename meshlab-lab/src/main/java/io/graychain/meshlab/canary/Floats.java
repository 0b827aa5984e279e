package io.graychain.meshlab.canary;

import java.util.Locale;
import java.util.regex.Pattern;

/** Numbers as Prometheus writes them (Go's strconv.ParseFloat): decimals, NaN and infinities. */
final class Floats {

	private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

	private Floats() {
	}

	/** The value of {@code text}, or null when it is not a number. */
	static Double parse(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
		if (unsigned.equals("inf") || unsigned.equals("infinity")) {
			return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
		}
		if (lower.equals("nan")) {
			return Double.NaN;
		}
		return DECIMAL.matcher(text).matches() ? Double.valueOf(text) : null;
	}

}
