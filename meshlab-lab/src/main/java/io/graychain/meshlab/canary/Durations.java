package io.graychain.meshlab.canary;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the command line takes them: a whole number and a unit, {@code 500ms}, {@code 30s}, {@code 2m}. */
final class Durations {

	private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)");

	private Durations() {
	}

	static Duration parse(String text, String what) {
		Matcher matcher = DURATION.matcher(text.strip());
		if (!matcher.matches()) {
			throw new CanaryException(what + ": '" + text + "' is not a duration such as 500ms, 30s or 2m");
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration duration = switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			default -> Duration.ofMinutes(amount);
		};
		if (duration.isZero()) {
			throw new CanaryException(what + " must be longer than 0");
		}
		return duration;
	}

}
