package io.graychain.support.misbehave;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The misbehaviour this pod was configured with, decided request by request: whether this request
 * answers 500, and how long to wait first. 0 % never fails and 100 % always does, exactly.
 */
public class Misbehaviour {

	private final MisbehaveProperties properties;

	private final DoubleSupplier random;

	public Misbehaviour(MisbehaveProperties properties) {
		this(properties, () -> ThreadLocalRandom.current().nextDouble());
	}

	/** {@code random} gives numbers in [0, 1), as {@link ThreadLocalRandom#nextDouble()} does. */
	Misbehaviour(MisbehaveProperties properties, DoubleSupplier random) {
		this.properties = properties;
		this.random = random;
	}

	/** True when this request is one of the share that answers 500. */
	public boolean failsThisRequest() {
		double percent = properties.errorPercent();
		return percent > 0 && random.getAsDouble() * 100 < percent;
	}

	public Duration delay() {
		return properties.delay();
	}

	public boolean active() {
		return properties.errorPercent() > 0 || !properties.delay().isZero();
	}

	/**
	 * What is switched on, as it was set: {@code GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30,
	 * GRAYCHAIN_MISBEHAVE_DELAY=1500ms}; null when the pod behaves.
	 */
	public String describe() {
		List<String> parts = new ArrayList<>();
		if (properties.errorPercent() > 0) {
			parts.add(MisbehaveProperties.ERROR_PERCENT_ENV + "=" + MisbehaveProperties.plain(properties.errorPercent()));
		}
		if (!properties.delay().isZero()) {
			parts.add(MisbehaveProperties.DELAY_ENV + "=" + millis(properties.delay()));
		}
		return parts.isEmpty() ? null : String.join(", ", parts);
	}

	private static String millis(Duration delay) {
		return delay.toMillis() + "ms";
	}

}
