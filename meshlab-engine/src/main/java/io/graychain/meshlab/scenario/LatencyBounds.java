package io.graychain.meshlab.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code latency} of an expected request: bounds on each request's total time at the entry, e.g.
 * {@code atLeast: 2s} (a fault delay every request waits) and {@code below: 3s} (a timeout that ends
 * every request sooner).
 *
 * @param atLeast every request takes at least this long, or null
 * @param below every request takes less than this, or null
 */
public record LatencyBounds(Duration atLeast, Duration below) {

	private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s)");

	public LatencyBounds {
		if (atLeast == null && below == null) {
			throw new IllegalArgumentException("latency: give atLeast, below or both");
		}
		if (atLeast != null && below != null && atLeast.compareTo(below) >= 0) {
			throw new IllegalArgumentException("latency: atLeast " + text(atLeast) + " is not below " + text(below));
		}
	}

	@JsonCreator
	public static LatencyBounds of(@JsonProperty("atLeast") String atLeast, @JsonProperty("below") String below) {
		return new LatencyBounds(duration(atLeast, "atLeast"), duration(below, "below"));
	}

	private static Duration duration(String text, String key) {
		if (text == null) {
			return null;
		}
		Matcher m = DURATION.matcher(text.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException("latency: " + key + " '" + text + "' is no duration (e.g. 1500ms, 2s)");
		}
		double amount = Double.parseDouble(m.group(1));
		return Duration.ofNanos(Math.round(amount * ("ms".equals(m.group(2)) ? 1_000_000 : 1_000_000_000L)));
	}

	/** True when a request that took {@code took} keeps the bounds. */
	public boolean holds(Duration took) {
		return (atLeast == null || took.compareTo(atLeast) >= 0) && (below == null || took.compareTo(below) < 0);
	}

	/** E.g. {@code at least 2s, below 3s}. */
	public String describe() {
		return (atLeast == null ? "" : "at least " + text(atLeast)) + (atLeast != null && below != null ? ", " : "")
				+ (below == null ? "" : "below " + text(below));
	}

	static String text(Duration d) {
		long ms = d.toMillis();
		return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
	}

}
