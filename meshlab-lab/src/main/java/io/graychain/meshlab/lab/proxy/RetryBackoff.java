package io.graychain.meshlab.lab.proxy;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Envoy's fully jittered exponential back-off between tries: the first retry waits a random time in
 * [0, base), each next one in twice the range, capped at ten times the base (envoyproxy/envoy
 * source/common/common/backoff_strategy.cc {@code JitteredExponentialBackOffStrategy::nextBackOffMs};
 * source/common/router/retry_state_impl.cc: base {@code upstream.base_retry_backoff_ms}, 25 ms, max
 * 10 × base). Not thread safe: one per request.
 */
final class RetryBackoff {

	/** Envoy's default base interval. */
	static final Duration BASE = Duration.ofMillis(25);

	private final long max;

	private long next;

	private final LongUnaryOperator random;

	/** @param random a uniform draw in [0, bound) for a bound in milliseconds */
	RetryBackoff(Duration base, LongUnaryOperator random) {
		long baseMillis = Math.max(1, base.toMillis());
		this.next = baseMillis;
		this.max = baseMillis * 10;
		this.random = random;
	}

	/** The wait before the next retry, in milliseconds. */
	long nextMillis() {
		long bound = next;
		next = next < max / 2 ? next * 2 : max;
		return random.applyAsLong(bound);
	}

}
