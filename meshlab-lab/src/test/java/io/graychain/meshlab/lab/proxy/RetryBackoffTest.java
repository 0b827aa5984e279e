package io.graychain.meshlab.lab.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Envoy's retry back-off (envoyproxy/envoy source/common/common/backoff_strategy.cc). */
class RetryBackoffTest {

	/** The back-off of retry n is drawn in [0, 2^(n-1) × base), capped at 10 × base (25 ms: 25, 50, 100, 200, 250, 250). */
	@Test
	void theBackOffDoublesItsRangeUpToTenTimesTheBase() {
		List<Long> bounds = new ArrayList<>();
		RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(25), bound -> {
			bounds.add(bound);
			return bound - 1;
		});
		for (int i = 0; i < 6; i++) {
			backoff.nextMillis();
		}
		assertThat(bounds).containsExactly(25L, 50L, 100L, 200L, 250L, 250L);
	}

}
