package io.graychain.meshlab.route;

import java.util.List;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Envoy's retry conditions (envoyproxy/envoy source/common/router/retry_state_impl.cc
 * wouldRetryFromHeaders, wouldRetryFromReset).
 */
class RetryOnTest {

	static RetryOn on(String... conditions) {
		return RetryOn.of(new RoutePolicy.Retry(2, null, List.of(conditions), List.of(), false, null));
	}

	static final java.util.function.UnaryOperator<String> NONE = RetryOn.NO_HEADERS;

	static java.util.function.UnaryOperator<String> header(String name, String value) {
		return Map.of(name, value)::get;
	}

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

	/**
	 * Istio's default (retry.go defaultPolicy) with EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY on, its
	 * default since 1.24 (pilot/pkg/features): no status is retried, gRPC unavailable and cancelled are.
	 */
	@Test
	void istiosDefaultRetriesNoStatusButGrpcUnavailableOrCancelledAndConnectFailures() {
		RetryOn istio = RetryOn.of(RoutePolicy.Retry.ISTIO_DEFAULT);
		assertThat(istio.onReply(503, NONE)).isFalse();
		assertThat(istio.onReply(500, NONE)).isFalse();
		assertThat(istio.onReply(502, NONE)).isFalse();
		assertThat(istio.onReply(200, header("grpc-status", "14"))).isTrue();
		assertThat(istio.onReply(200, header("grpc-status", "1"))).isTrue();
		assertThat(istio.onReply(200, header("grpc-status", "13"))).isFalse();
		assertThat(istio.onReset(RetryOn.Reset.CONNECT_FAILURE)).isTrue();
		assertThat(istio.onReset(RetryOn.Reset.REMOTE_RESET)).isFalse();
		assertThat(istio.onReset(RetryOn.Reset.PER_TRY_TIMEOUT)).isFalse();
	}

	@Test
	void anOverloadedOrRateLimitedReplyIsNeverRetried() {
		assertThat(on("5xx").onReply(503, header("x-envoy-overloaded", "true"))).isFalse();
		assertThat(on("5xx").onReply(503, header("x-envoy-ratelimited", "true"))).isFalse();
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

}
