package io.graychain.meshlab.scenario;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The {@code statuses} of an expected request: the final status at the entry, each with its share in
 * percent, or {@code some} where the share is not predictable (it depends on load or timing): at least
 * one such reply must come.
 *
 * @param shares the statuses with an exact share, percent, in status order
 * @param some the statuses that must come at least once, share not given
 */
public record ExpectedStatuses(Map<Integer, BigDecimal> shares, Set<Integer> some) {

	public static final String SOME = "some";

	public ExpectedStatuses {
		shares = Collections.unmodifiableMap(new TreeMap<>(shares));
		some = Collections.unmodifiableSet(new TreeSet<>(some));
	}

	/** From YAML: {@code "200": 90}, {@code "503": some}. */
	@JsonCreator
	public static ExpectedStatuses of(Map<String, Object> yaml) {
		Map<Integer, BigDecimal> shares = new LinkedHashMap<>();
		Set<Integer> some = new TreeSet<>();
		BigDecimal total = BigDecimal.ZERO;
		for (Map.Entry<String, Object> e : yaml.entrySet()) {
			int status = status(e.getKey());
			Object value = e.getValue();
			if (SOME.equals(value)) {
				some.add(status);
				continue;
			}
			BigDecimal percent;
			try {
				percent = new BigDecimal(String.valueOf(value).strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("statuses: '" + value + "' for " + status + " is neither a percentage nor 'some'");
			}
			if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw new IllegalArgumentException("statuses: " + percent.toPlainString() + "% for " + status + " is not within 0..100");
			}
			shares.put(status, percent);
			total = total.add(percent);
		}
		if (shares.isEmpty() && some.isEmpty()) {
			throw new IllegalArgumentException("statuses: give at least one status");
		}
		if (some.isEmpty() ? total.compareTo(BigDecimal.valueOf(100)) != 0 : total.compareTo(BigDecimal.valueOf(100)) >= 0) {
			throw new IllegalArgumentException("statuses: the shares add up to " + total.toPlainString()
					+ "%, " + (some.isEmpty() ? "not 100%" : "leaving nothing for the statuses marked 'some'"));
		}
		return new ExpectedStatuses(shares, some);
	}

	private static int status(String key) {
		String k = key.strip();
		if (!k.matches("[1-5][0-9][0-9]")) {
			throw new IllegalArgumentException("statuses: '" + key + "' is no HTTP status (100 to 599)");
		}
		return Integer.parseInt(k);
	}

	/** True when one status answers every request (then a few requests check it, as a single chain). */
	public boolean single() {
		return some.isEmpty() && shares.size() == 1;
	}

	/** Every status named, in order. */
	public Set<Integer> statuses() {
		Set<Integer> all = new TreeSet<>(shares.keySet());
		all.addAll(some);
		return all;
	}

}
