package io.graychain.meshlab.route;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import java.util.function.UnaryOperator;

/**
 * When Envoy's router retries a try, from the route's {@code retry_on} conditions and retriable
 * status codes (envoyproxy/envoy source/common/router/retry_state_impl.cc: {@code parseRetryOn},
 * {@code RetryStateImpl::wouldRetryFromHeaders}, {@code wouldRetryFromReset}). Conditions the lab has
 * no cause for (e.g. {@code envoy-ratelimited}, {@code retriable-headers}, HTTP/3 ones) never fire.
 *
 * @param conditions the conditions the route names
 * @param statusCodes the retriable status codes ({@code retriable-status-codes})
 */
public record RetryOn(Set<Condition> conditions, List<Integer> statusCodes) {

	/** Envoy's retry_on values the lab can meet ({@code x-envoy-retry-on} / {@code x-envoy-retry-grpc-on}). */
	public enum Condition {
		FIVE_XX("5xx"), GATEWAY_ERROR("gateway-error"), RESET("reset"), RESET_BEFORE_REQUEST("reset-before-request"),
		CONNECT_FAILURE("connect-failure"), RETRIABLE_4XX("retriable-4xx"), REFUSED_STREAM("refused-stream"),
		RETRIABLE_STATUS_CODES("retriable-status-codes"), CANCELLED("cancelled"), DEADLINE_EXCEEDED("deadline-exceeded"),
		INTERNAL("internal"), RESOURCE_EXHAUSTED("resource-exhausted"), UNAVAILABLE("unavailable");

		private final String name;

		Condition(String name) {
			this.name = name;
		}

		static Condition named(String text) {
			String wanted = text.trim().toLowerCase(Locale.ROOT);
			for (Condition c : values()) {
				if (c.name.equals(wanted)) {
					return c;
				}
			}
			return null;
		}

	}

	/** Why a try ended without a reply, as Envoy's stream reset reasons the router sees. */
	public enum Reset {
		/** The connection could not be made (UF): before any byte of the request went out. */
		CONNECT_FAILURE,
		/** The connection closed or was reset before the reply's headers (UC). */
		REMOTE_RESET,
		/** The try's own {@code perTryTimeout} (router.cc onPerTryTimeoutCommon: a local reset). */
		PER_TRY_TIMEOUT,
		/** A circuit breaker refused the try (UO): never retried. */
		OVERFLOW
	}

	public RetryOn {
		conditions = conditions.isEmpty() ? EnumSet.noneOf(Condition.class) : EnumSet.copyOf(conditions);
		statusCodes = List.copyOf(statusCodes);
	}

	/** A reply without headers that matter to retries. */
	public static final UnaryOperator<String> NO_HEADERS = name -> null;

	/** The conditions of {@code retry}; names Envoy does not know are ignored, as parseRetryOn ignores them. */
	public static RetryOn of(RoutePolicy.Retry retry) {
		Set<Condition> set = EnumSet.noneOf(Condition.class);
		for (String name : retry.retryOn()) {
			Condition c = Condition.named(name);
			if (c != null) {
				set.add(c);
			}
		}
		return new RetryOn(set, retry.statusCodes());
	}

	/**
	 * wouldRetryFromHeaders: never when the reply says {@code x-envoy-overloaded} or
	 * {@code x-envoy-ratelimited}; {@code 5xx} any 5xx; {@code gateway-error} 502, 503, 504;
	 * {@code retriable-4xx} 409; {@code retriable-status-codes} the listed ones; the gRPC conditions
	 * by the reply's {@code grpc-status} (1 cancelled, 4 deadline-exceeded, 8 resource-exhausted,
	 * 13 internal, 14 unavailable).
	 */
	public boolean onReply(int status, UnaryOperator<String> header) {
		if (header.apply("x-envoy-overloaded") != null || header.apply("x-envoy-ratelimited") != null) {
			return false;
		}
		if (has(Condition.FIVE_XX) && status >= 500 && status < 600) {
			return true;
		}
		if (has(Condition.GATEWAY_ERROR) && (status == 502 || status == 503 || status == 504)) {
			return true;
		}
		if (has(Condition.RETRIABLE_4XX) && status == 409) {
			return true;
		}
		if (has(Condition.RETRIABLE_STATUS_CODES) && statusCodes.contains(status)) {
			return true;
		}
		String grpc = header.apply("grpc-status");
		if (grpc == null) {
			return false;
		}
		return switch (grpc.trim()) {
			case "1" -> has(Condition.CANCELLED);
			case "4" -> has(Condition.DEADLINE_EXCEEDED);
			case "8" -> has(Condition.RESOURCE_EXHAUSTED);
			case "13" -> has(Condition.INTERNAL);
			case "14" -> has(Condition.UNAVAILABLE);
			default -> false;
		};
	}

	/**
	 * wouldRetryFromReset: an overflow never; a connection failure on {@code connect-failure};
	 * before the request went out on {@code reset-before-request}; any reset (a per-try timeout being
	 * a local reset) on {@code reset}, {@code 5xx} or {@code gateway-error}; {@code refused-stream} needs
	 * an HTTP/2 refusal, which HTTP/1.1 pods never send.
	 */
	public boolean onReset(Reset reason) {
		if (reason == Reset.OVERFLOW) {
			return false;
		}
		if (reason == Reset.CONNECT_FAILURE && (has(Condition.CONNECT_FAILURE) || has(Condition.RESET_BEFORE_REQUEST))) {
			return true;
		}
		return has(Condition.RESET) || has(Condition.FIVE_XX) || has(Condition.GATEWAY_ERROR);
	}

	private boolean has(Condition condition) {
		return conditions.contains(condition);
	}

}
