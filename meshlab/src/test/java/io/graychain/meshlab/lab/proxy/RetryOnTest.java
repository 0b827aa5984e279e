package io.graychain.meshlab.lab.proxy;

import java.time.Duration;
import java.util.List;

import io.graychain.meshlab.route.RoutePolicy;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Envoy's retry conditions (envoyproxy/envoy source/common/router/retry_state_impl.cc
 * wouldRetryFromHeaders, wouldRetryFromReset) and back-off (source/common/common/backoff_strategy.cc).
 */
class RetryOnTest {

	static RetryOn on(String... conditions) {
		return RetryOn.of(new RoutePolicy.Retry(2, null, List.of(conditions), List.of(), false, null));
	}

	static final HttpFields NONE = HttpFields.EMPTY;

	@Test
	void fiveXxIsAny5xxAndGatewayErrorOnly502To504() {
		assertThat(on("5xx").onReply(500, NONE)).isTrue();
		assertThat(on("5xx").onReply(599, NONE)).isTrue();
		assertThat(on("5xx").onReply(404, NONE)).isFalse();
		assertThat(on("gateway-error").onReply(500, NONE)).isFalse();
		assertThat(on("gateway-error").onReply(502, NONE)).isTrue();
		assertThat(on("gateway-error").onReply(504, NONE)).isTrue();
		assertThat(on("retriable-4xx").onReply(409, NONE)).isTrue();
		assertThat(on("retriable-4xx").onReply(400, NONE)).isFalse();
	}

	@Test
	void istiosDefaultRetries503AndGrpcUnavailableOrCancelledOnly() {
		RetryOn istio = RetryOn.of(RoutePolicy.Retry.ISTIO_DEFAULT);
		assertThat(istio.onReply(503, NONE)).isTrue();
		assertThat(istio.onReply(500, NONE)).isFalse();
		assertThat(istio.onReply(502, NONE)).isFalse();
		assertThat(istio.onReply(200, HttpFields.build().put("grpc-status", "14"))).isTrue();
		assertThat(istio.onReply(200, HttpFields.build().put("grpc-status", "1"))).isTrue();
		assertThat(istio.onReply(200, HttpFields.build().put("grpc-status", "13"))).isFalse();
		assertThat(istio.onReset(RetryOn.Reset.CONNECT_FAILURE)).isTrue();
		assertThat(istio.onReset(RetryOn.Reset.REMOTE_RESET)).isFalse();
		assertThat(istio.onReset(RetryOn.Reset.PER_TRY_TIMEOUT)).isFalse();
	}

	@Test
	void anOverloadedOrRateLimitedReplyIsNeverRetried() {
		assertThat(on("5xx").onReply(503, HttpFields.build().put("x-envoy-overloaded", "true"))).isFalse();
		assertThat(on("5xx").onReply(503, HttpFields.build().put("x-envoy-ratelimited", "true"))).isFalse();
	}

	@Test
	void resetsAreRetriedOnResetOr5xxOrGatewayErrorAndAnOverflowNever() {
		for (String condition : List.of("reset", "5xx", "gateway-error")) {
			assertThat(on(condition).onReset(RetryOn.Reset.REMOTE_RESET)).as(condition).isTrue();
			assertThat(on(condition).onReset(RetryOn.Reset.PER_TRY_TIMEOUT)).as(condition).isTrue();
			assertThat(on(condition).onReset(RetryOn.Reset.OVERFLOW)).as(condition).isFalse();
		}
		assertThat(on("connect-failure").onReset(RetryOn.Reset.REMOTE_RESET)).isFalse();
		assertThat(on("reset-before-request").onReset(RetryOn.Reset.CONNECT_FAILURE)).isTrue();
		assertThat(on("refused-stream").onReset(RetryOn.Reset.REMOTE_RESET)).isFalse();
	}

	@Test
	void unknownConditionsAreIgnoredAndCodesNeedRetriableStatusCodes() {
		RetryOn codes = RetryOn.of(new RoutePolicy.Retry(1, null, List.of("no-such-thing", "retriable-status-codes"), List.of(500),
				false, null));
		assertThat(codes.onReply(500, NONE)).isTrue();
		assertThat(codes.onReply(503, NONE)).isFalse();
		assertThat(RetryOn.of(new RoutePolicy.Retry(1, null, List.of("5xx"), List.of(409), false, null)).onReply(409, NONE)).isFalse();
	}

	/** The back-off of retry n is drawn in [0, 2^(n-1) × base), capped at 10 × base (25 ms: 25, 50, 100, 200, 250, 250). */
	@Test
	void theBackOffDoublesItsRangeUpToTenTimesTheBase() {
		List<Long> bounds = new java.util.ArrayList<>();
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
