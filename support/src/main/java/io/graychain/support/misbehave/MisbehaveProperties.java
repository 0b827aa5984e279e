package io.graychain.support.misbehave;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this pod misbehaves on purpose, as Kubernetes would configure it: the share of requests that
 * answer 500 ({@code GRAYCHAIN_MISBEHAVE_ERROR_PERCENT}, 0 to 100) and a delay added before every
 * reply ({@code GRAYCHAIN_MISBEHAVE_DELAY}, e.g. {@code 1500ms} or {@code 2s}; a plain number is
 * milliseconds). Both are off by default. A value out of range refuses to start the service.
 *
 * @param errorPercent the share of requests that answer 500, 0 to 100 (fractions allowed)
 * @param delay the time added before each reply, 0 to {@link #MAX_DELAY}
 */
@ConfigurationProperties(MisbehaveProperties.PREFIX)
public record MisbehaveProperties(Double errorPercent, Duration delay) {

	static final String PREFIX = "graychain.misbehave";

	static final String ERROR_PERCENT_ENV = "GRAYCHAIN_MISBEHAVE_ERROR_PERCENT";

	static final String DELAY_ENV = "GRAYCHAIN_MISBEHAVE_DELAY";

	/** Longer than any timeout the chain or the mesh uses; a longer delay is a typo. */
	static final Duration MAX_DELAY = Duration.ofMinutes(1);

	public MisbehaveProperties {
		errorPercent = (errorPercent != null) ? errorPercent : 0.0;
		delay = (delay != null) ? delay : Duration.ZERO;
		if (errorPercent.isNaN() || errorPercent < 0 || errorPercent > 100) {
			throw new InvalidMisbehaviour(ERROR_PERCENT_ENV + "=" + plain(errorPercent)
					+ " is out of range: give a percentage from 0 to 100");
		}
		if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
			throw new InvalidMisbehaviour(DELAY_ENV + "=" + delay.toMillis() + "ms is out of range: give 0 to "
					+ MAX_DELAY.toSeconds() + "s, e.g. 1500ms or 2s");
		}
	}

	/** Nothing set: the service behaves. */
	public static MisbehaveProperties none() {
		return new MisbehaveProperties(0.0, Duration.ZERO);
	}

	/** {@code 30} rather than {@code 30.0}; {@code 0.5} stays {@code 0.5}. */
	static String plain(double value) {
		return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
				: String.valueOf(value);
	}

}
