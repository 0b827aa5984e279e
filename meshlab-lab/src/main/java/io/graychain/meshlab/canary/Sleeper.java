package io.graychain.meshlab.canary;

import java.time.Duration;

/** Waits out a step's interval; a test's sleeper returns at once. */
@FunctionalInterface
public interface Sleeper {

	Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

	void sleep(Duration duration) throws InterruptedException;

}
