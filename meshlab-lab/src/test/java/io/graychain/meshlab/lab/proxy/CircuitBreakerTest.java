package io.graychain.meshlab.lab.proxy;

import java.util.ArrayList;
import java.util.List;

import io.graychain.meshlab.route.TrafficPolicy;
import io.graychain.meshlab.route.TrafficPolicy.ConnectionPool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Envoy's HTTP/1.1 circuit breakers, counted (envoy source/common/conn_pool/conn_pool_base.cc
 * ConnPoolImplBase::newStreamImpl, attachStreamToClient).
 */
class CircuitBreakerTest {

	private static final long UNLIMITED = TrafficPolicy.UNLIMITED;

	private final List<String> started = new ArrayList<>();

	@Test
	void pastTheConnectionsRequestsWaitAndPastThePendingLimitTheyOverflow() {
		CircuitBreaker breaker = new CircuitBreaker(new ConnectionPool(1, 1, UNLIMITED, 0));
		assertThat(breaker.admit(() -> started.add("a"))).isTrue();
		assertThat(breaker.admit(() -> started.add("b"))).isTrue();
		assertThat(breaker.admit(() -> started.add("c"))).as("overflow").isFalse();
		assertThat(started).containsExactly("a");
		assertThat(breaker.counts()).containsExactly(1, 1);
		breaker.release();
		assertThat(started).containsExactly("a", "b");
		assertThat(breaker.counts()).containsExactly(1, 0);
	}

	@Test
	void withConnectionsToSpareMaxRequestsOverflowsAtOnce() {
		CircuitBreaker breaker = new CircuitBreaker(new ConnectionPool(UNLIMITED, UNLIMITED, 2, 0));
		assertThat(breaker.admit(() -> started.add("a"))).isTrue();
		assertThat(breaker.admit(() -> started.add("b"))).isTrue();
		assertThat(breaker.admit(() -> started.add("c"))).isFalse();
		assertThat(breaker.counts()).containsExactly(2, 0);
	}

	@Test
	void noPendingRequestsMeansTheFirstRequestPastTheConnectionsOverflows() {
		CircuitBreaker breaker = new CircuitBreaker(new ConnectionPool(2, 0, UNLIMITED, 0));
		assertThat(breaker.admit(() -> started.add("a"))).isTrue();
		assertThat(breaker.admit(() -> started.add("b"))).isTrue();
		assertThat(breaker.admit(() -> started.add("c"))).isFalse();
	}

	@Test
	void newLimitsLetWaitingRequestsGo() {
		CircuitBreaker breaker = new CircuitBreaker(new ConnectionPool(1, 5, UNLIMITED, 0));
		breaker.admit(() -> started.add("a"));
		breaker.admit(() -> started.add("b"));
		breaker.admit(() -> started.add("c"));
		breaker.limits(ConnectionPool.ISTIO_DEFAULT);
		assertThat(started).containsExactly("a", "b", "c");
		assertThat(breaker.counts()).containsExactly(3, 0);
	}

}
