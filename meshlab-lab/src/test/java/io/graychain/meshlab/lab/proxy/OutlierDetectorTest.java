package io.graychain.meshlab.lab.proxy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.graychain.meshlab.route.TrafficPolicy.OutlierDetection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Envoy's consecutive-error outlier detection on a clock the test drives (envoy
 * source/common/upstream/outlier_detection_impl.cc putHttpResponseCode, ejectHost,
 * checkHostForUneject; load_balancer_impl.cc isHostSetInPanic).
 */
class OutlierDetectorTest {

	private static final Endpoint V1 = new Endpoint("appb-v1-0", "appb-v1", 1);

	private static final Endpoint V2 = new Endpoint("appb-v2-0", "appb-v2", 2);

	private static final List<Endpoint> BOTH = List.of(V1, V2);

	private final AtomicLong now = new AtomicLong(1_000);

	private OutlierDetector detector(int consecutive5xx, int consecutiveGateway, int maxEjectionPercent, int minHealthPercent) {
		return new OutlierDetector(new OutlierDetection(consecutive5xx, consecutiveGateway, Duration.ofSeconds(1),
				Duration.ofSeconds(30), maxEjectionPercent, minHealthPercent), now::get);
	}

	@Test
	void consecutive5xxEjectAndASuccessInBetweenStartsTheCountAgain() {
		OutlierDetector d = detector(3, 0, 100, 0);
		d.choose(V2, BOTH, 0);
		d.result(V2, 500);
		d.result(V2, 500);
		d.result(V2, 200);
		d.result(V2, 500);
		d.result(V2, 503);
		assertThat(d.ejected(V2)).isFalse();
		d.result(V2, 500);
		assertThat(d.ejected(V2)).isTrue();
		assertThat(d.choose(V2, BOTH, 7)).isEqualTo(V1);
		assertThat(d.choose(V1, BOTH, 8)).isEqualTo(V1);
	}

	@Test
	void gatewayErrorsCountOnlyIn502To504AndAnother5xxResetsThem() {
		OutlierDetector d = detector(0, 2, 100, 0);
		d.result(V2, 502);
		d.result(V2, 500);
		d.result(V2, 504);
		assertThat(d.ejected(V2)).isFalse();
		d.result(V2, 503);
		assertThat(d.ejected(V2)).isTrue();
	}

	@Test
	void maxEjectionPercentStopsEjectionsButOneHostCanAlwaysGo() {
		OutlierDetector d = detector(1, 0, 10, 0);
		d.choose(V1, BOTH, 0);
		d.result(V2, 500);
		d.result(V1, 500);
		assertThat(d.ejected(V2)).as("0% ejected is below 10%").isTrue();
		assertThat(d.ejected(V1)).as("50% ejected is not below 10%").isFalse();
	}

	@Test
	void aHostThatLeftTheClusterNoLongerCountsTowardsMaxEjectionPercent() {
		// lab set-env replaces product-v2-0 by product-v2-r3-0: Envoy's member update callback erases
		// the old host's monitor and its active ejection (DetectorImpl::initialize)
		Endpoint replacement = new Endpoint("appb-v2-r3-0", "appb-v2", 3);
		List<Endpoint> after = List.of(V1, replacement);
		OutlierDetector d = detector(3, 0, 10, 0);
		d.choose(V2, BOTH, 0);
		d.result(V2, 500);
		d.result(V2, 500);
		d.result(V2, 500);
		assertThat(d.ejected(V2)).isTrue();

		d.choose(replacement, after, 1);
		assertThat(d.ejected(V2)).as("gone with its host").isFalse();
		d.result(V2, 500);
		d.result(replacement, 500);
		d.result(replacement, 500);
		d.result(replacement, 500);
		assertThat(d.ejected(replacement)).as("0% of the hosts there now are ejected, below 10%").isTrue();
		assertThat(d.choose(replacement, after, 2)).isEqualTo(V1);
	}

	@Test
	void noHealthyHostIsNoHostUnlessMinHealthPercentPanics() {
		OutlierDetector strict = detector(1, 0, 100, 0);
		strict.choose(V2, List.of(V2), 0);
		strict.result(V2, 500);
		assertThat(strict.choose(V2, List.of(V2), 1)).isNull();
		OutlierDetector panicking = detector(1, 0, 100, 50);
		panicking.choose(V2, BOTH, 0);
		panicking.result(V2, 500);
		panicking.result(V1, 500);
		assertThat(panicking.choose(V2, BOTH, 1)).as("healthy 0% < 50%: all hosts").isEqualTo(V2);
	}

	@Test
	void anEjectedHostReturnsAfterBaseTimesEjectionsAtTheNextInterval() {
		OutlierDetector d = detector(1, 0, 100, 0);
		d.choose(V2, BOTH, 0);
		d.result(V2, 500);
		advance(Duration.ofMillis(29_999));
		assertThat(d.ejected(V2)).isTrue();
		advance(Duration.ofMillis(1));
		assertThat(d.ejected(V2)).as("back at the tick 30s after").isFalse();
		d.result(V2, 500);
		advance(Duration.ofSeconds(59));
		assertThat(d.ejected(V2)).as("second ejection: 60s").isTrue();
		advance(Duration.ofSeconds(1));
		assertThat(d.ejected(V2)).isFalse();
		// healthy for two intervals: the ejection count is down to 0, the next ejection lasts 30s again
		advance(Duration.ofSeconds(2));
		d.result(V2, 500);
		advance(Duration.ofSeconds(30));
		assertThat(d.ejected(V2)).isFalse();
	}

	private void advance(Duration by) {
		now.addAndGet(by.toNanos());
	}

}
