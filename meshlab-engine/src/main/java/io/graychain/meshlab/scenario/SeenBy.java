package io.graychain.meshlab.scenario;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code seenBy:} of an expected request: for each version ({@code app:version}), the requests its
 * own {@code /actuator/prometheus} counted per request sent, in percent. A mirror is seen where no
 * reply shows it: a dark launch's v2 sees 100 while every user is answered by v1.
 *
 * @param percents the percent each version sees, e.g. {@code product:v2 -> 100}
 */
public record SeenBy(Map<String, BigDecimal> percents) {

	/** No version's count is expected. */
	public static final SeenBy NONE = new SeenBy(Map.of());

	private static final Pattern VERSION = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?:[A-Za-z0-9][-A-Za-z0-9_.]*");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public SeenBy {
		for (Map.Entry<String, BigDecimal> entry : percents.entrySet()) {
			if (!VERSION.matcher(entry.getKey()).matches()) {
				throw new IllegalArgumentException("seenBy: '" + entry.getKey() + "' is no app:version (e.g. product:v2)");
			}
			if (entry.getValue() == null || entry.getValue().signum() < 0 || entry.getValue().compareTo(HUNDRED) > 0) {
				throw new IllegalArgumentException("seenBy: " + entry.getKey() + " must be a percent from 0 to 100, not "
						+ entry.getValue());
			}
		}
		percents = new LinkedHashMap<>(percents);
	}

	@JsonCreator
	static SeenBy of(Map<String, BigDecimal> percents) {
		return percents == null ? NONE : new SeenBy(percents);
	}

	@JsonValue
	Map<String, BigDecimal> json() {
		return percents;
	}

	public boolean isEmpty() {
		return percents.isEmpty();
	}

	/** The {@code app} of {@code app:version}. */
	public static String app(String version) {
		return version.substring(0, version.indexOf(':'));
	}

	/** The {@code version} of {@code app:version}. */
	public static String version(String version) {
		return version.substring(version.indexOf(':') + 1);
	}

}
