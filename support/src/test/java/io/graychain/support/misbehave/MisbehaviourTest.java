package io.graychain.support.misbehave;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.DispatcherType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MisbehaviourTest {

	/** Draws spread over [0, 1), both ends included: 0.0 and the largest double below 1. */
	private static final double[] DRAWS = IntStream.rangeClosed(0, 1000)
		.mapToDouble(i -> Math.min(i / 1000.0, Math.nextDown(1.0)))
		.toArray();

	private static Misbehaviour misbehaviour(double percent, Duration delay, double draw) {
		return new Misbehaviour(new MisbehaveProperties(percent, delay), () -> draw);
	}

	@Test
	void zeroPercentNeverFails() {
		for (double draw : DRAWS) {
			assertThat(misbehaviour(0, Duration.ZERO, draw).failsThisRequest()).isFalse();
		}
	}

	@Test
	void hundredPercentAlwaysFails() {
		for (double draw : DRAWS) {
			assertThat(misbehaviour(100, Duration.ZERO, draw).failsThisRequest()).isTrue();
		}
	}

	/**
	 * 10,000 requests at 30 %: the count of failures is binomial, mean 3,000, standard deviation
	 * sqrt(10,000 × 0.3 × 0.7) ≈ 45.8. The bound ±160 is 3.49 standard deviations: a correct
	 * implementation falls outside it in fewer than 5 runs in 10,000 (two-sided normal tail 0.00048),
	 * while a share off by 2 points (200 requests) falls outside it nearly always.
	 */
	@Test
	void thirtyPercentFailsAboutThirtyInAHundred() {
		Misbehaviour misbehaviour = new Misbehaviour(new MisbehaveProperties(30.0, Duration.ZERO));
		int requests = 10_000;
		long failed = IntStream.range(0, requests).filter(i -> misbehaviour.failsThisRequest()).count();
		assertThat(failed).isBetween(3_000L - 160, 3_000L + 160);
	}

	@Test
	void describesWhatIsSwitchedOnAsItWasSet() {
		assertThat(misbehaviour(30, Duration.ofMillis(1500), 0).describe())
			.isEqualTo("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30, GRAYCHAIN_MISBEHAVE_DELAY=1500ms");
		assertThat(misbehaviour(0.5, Duration.ZERO, 0).describe()).isEqualTo("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=0.5");
		assertThat(misbehaviour(0, Duration.ofSeconds(2), 0).describe()).isEqualTo("GRAYCHAIN_MISBEHAVE_DELAY=2000ms");
		assertThat(new Misbehaviour(MisbehaveProperties.none()).describe()).isNull();
		assertThat(new Misbehaviour(MisbehaveProperties.none()).active()).isFalse();
	}

	@Test
	void theInterceptorWaitsTheDelayThenFails() {
		List<Duration> slept = new ArrayList<>();
		MisbehaviourInterceptor interceptor = new MisbehaviourInterceptor(misbehaviour(100, Duration.ofMillis(1500), 0.5),
				slept::add);
		assertThatThrownBy(() -> interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), this))
			.isInstanceOf(Misbehaving.class)
			.hasMessage("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100, GRAYCHAIN_MISBEHAVE_DELAY=1500ms");
		assertThat(slept).containsExactly(Duration.ofMillis(1500));
	}

	@Test
	void theInterceptorOnlyDelaysWhenNoErrorIsDrawn() throws Exception {
		List<Duration> slept = new ArrayList<>();
		MisbehaviourInterceptor interceptor = new MisbehaviourInterceptor(misbehaviour(30, Duration.ofSeconds(2), 0.5),
				slept::add);
		assertThat(interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), this)).isTrue();
		assertThat(slept).containsExactly(Duration.ofSeconds(2));
	}

	@Test
	void theErrorDispatchAfterARequestIsNeverDelayedOrFailedAgain() throws Exception {
		List<Duration> slept = new ArrayList<>();
		MisbehaviourInterceptor interceptor = new MisbehaviourInterceptor(misbehaviour(100, Duration.ofSeconds(2), 0.5),
				slept::add);
		MockHttpServletRequest errorDispatch = new MockHttpServletRequest();
		errorDispatch.setDispatcherType(DispatcherType.ERROR);
		assertThat(interceptor.preHandle(errorDispatch, new MockHttpServletResponse(), this)).isTrue();
		assertThat(slept).isEmpty();
	}

}
