package io.graychain.meshlab.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttpStatus;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayFixedDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMirrorPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetry;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.Percent;

/**
 * What the route that decided does to a request besides picking its destination: fault injection,
 * timeout, retries and mirrors, as Istio translates them into the Envoy route
 * (istio/istio pilot/pkg/networking/core/route/route.go TranslateFault, translateRoute).
 *
 * @param delay the fault delay, or null
 * @param abort the fault abort, or null
 * @param timeout the route timeout, or null: off, as Istio sets none unless the route does
 * @param retries the retry policy, or null when {@code attempts: 0} disables retries
 * @param mirrors the mirrors, each with its share
 */
public record RoutePolicy(Delay delay, Abort abort, Duration timeout, Retry retries, List<Mirror> mirrors) {

	/** The policy of a request no route decided: Istio's default retry policy, nothing else. */
	public static final RoutePolicy NONE = new RoutePolicy(null, null, null, Retry.ISTIO_DEFAULT, List.of());

	public RoutePolicy {
		mirrors = List.copyOf(mirrors);
	}

	/**
	 * @param fixedDelay how long the fault filter holds the request before the router sees it
	 * @param percent the share of requests delayed, 0 to 100
	 */
	public record Delay(Duration fixedDelay, double percent) {
	}

	/**
	 * @param httpStatus the status the fault filter answers with
	 * @param percent the share of requests aborted, 0 to 100
	 */
	public record Abort(int httpStatus, double percent) {
	}

	/**
	 * Envoy's retry policy for the route (istio/istio pilot/pkg/networking/core/route/retry/retry.go
	 * ConvertPolicy).
	 *
	 * @param attempts retries after the first try (Envoy's num_retries)
	 * @param perTryTimeout the timeout of each try, or null: the route timeout bounds them all
	 * @param retryOn Envoy's retry_on conditions, status codes taken out
	 * @param statusCodes the retriable status codes
	 * @param istioDefault true when the route sets no retries and Istio's default applies
	 * @param backoff the base interval of the back-off between tries ({@code retries.backoff}), or
	 * null: Envoy's 25 ms
	 */
	public record Retry(int attempts, Duration perTryTimeout, List<String> retryOn, List<Integer> statusCodes,
			boolean istioDefault, Duration backoff) {

		/**
		 * Istio's default: 2 retries on connect-failure, refused-stream, unavailable, cancelled and
		 * retriable-status-codes with no status code (retry.go defaultPolicy: 503 is added only when
		 * features.Exclude503FromDefaultRetries is off; pilot/pkg/features registers
		 * EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY true since Istio 1.24, so a 503 is not retried by default).
		 */
		public static final Retry ISTIO_DEFAULT = new Retry(2, null,
				List.of("connect-failure", "refused-stream", "unavailable", "cancelled", "retriable-status-codes"),
				List.of(), true, null);

		public Retry {
			retryOn = List.copyOf(retryOn);
			statusCodes = List.copyOf(statusCodes);
		}

	}

	/**
	 * @param host the mirror's host as written
	 * @param subset its subset, or empty
	 * @param percent the share of requests mirrored, 0 to 100
	 */
	public record Mirror(String host, String subset, double percent) {
	}

	/**
	 * The policy of {@code route}. A timeout of {@code 0s} is Envoy's "no timeout" (Istio copies it
	 * as is into the RouteAction's timeout, where 0 disables it).
	 */
	public static RoutePolicy of(HTTPRoute route) {
		Duration timeout = duration(route.getTimeout(), "timeout");
		return new RoutePolicy(delay(route), abort(route), timeout == null || timeout.isZero() ? null : timeout,
				retries(route.getRetries()), mirrors(route));
	}

	/**
	 * A fault without {@code percentage} (nor the deprecated {@code percent}) gives Envoy a zero
	 * fractional percent: no request is delayed or aborted (route.go TranslateFault copies the
	 * percentage only when set; envoy source/extensions/filters/http/fault/fault_filter.cc
	 * isDelayEnabled/isAbortEnabled read it through featureEnabled).
	 */
	private static Delay delay(HTTPRoute route) {
		if (route.getFault() == null || route.getFault().getDelay() == null) {
			return null;
		}
		var delay = route.getFault().getDelay();
		if (!(delay.getHttpDelayType() instanceof HTTPFaultInjectionDelayFixedDelay fixed)) {
			return null;
		}
		return new Delay(duration(fixed.getFixedDelay(), "fault.delay.fixedDelay"), percent(delay.getPercentage(), delay.getPercent()));
	}

	private static Abort abort(HTTPRoute route) {
		if (route.getFault() == null || route.getFault().getAbort() == null) {
			return null;
		}
		var abort = route.getFault().getAbort();
		if (!(abort.getErrorType() instanceof HTTPFaultInjectionAbortHttpStatus status) || status.getHttpStatus() == null) {
			return null;
		}
		return new Abort(status.getHttpStatus(), percent(abort.getPercentage(), null));
	}

	/**
	 * retry.go ConvertPolicy: none set gives the default; attempts 0 disables; parseRetryOn takes a
	 * part that is an HTTP status code as a retriable status (here: any three digits).
	 */
	static Retry retries(HTTPRetry in) {
		if (in == null) {
			return Retry.ISTIO_DEFAULT;
		}
		if (in.getAttempts() == null || in.getAttempts() <= 0) {
			return null;
		}
		List<String> on = Retry.ISTIO_DEFAULT.retryOn();
		List<Integer> codes = Retry.ISTIO_DEFAULT.statusCodes();
		if (in.getRetryOn() != null && !in.getRetryOn().isBlank()) {
			List<String> conditions = new ArrayList<>();
			List<Integer> statuses = new ArrayList<>();
			for (String part : in.getRetryOn().split(",")) {
				String p = part.trim();
				if (p.isEmpty()) {
					continue;
				}
				if (p.chars().allMatch(Character::isDigit) && p.length() == 3) {
					statuses.add(Integer.parseInt(p));
				}
				else {
					conditions.add(p);
				}
			}
			if (!statuses.isEmpty() && !conditions.contains("retriable-status-codes")) {
				conditions.add("retriable-status-codes");
			}
			on = conditions;
			codes = statuses;
		}
		return new Retry(in.getAttempts(), duration(in.getPerTryTimeout(), "retries.perTryTimeout"), on, codes, false,
				duration(in.getBackoff(), "retries.backoff"));
	}

	/**
	 * {@code mirror} with {@code mirrorPercentage} (default 100%), then each of {@code mirrors}
	 * (route.go BuildHTTPRoute: mirror first, then mirrors; a missing percentage mirrors all).
	 */
	private static List<Mirror> mirrors(HTTPRoute route) {
		List<Mirror> out = new ArrayList<>();
		if (route.getMirror() != null) {
			out.add(mirror(route.getMirror(), route.getMirrorPercentage() != null ? route.getMirrorPercentage().getValue()
					: route.getMirrorPercent() != null ? route.getMirrorPercent().doubleValue() : 100));
		}
		if (route.getMirrors() != null) {
			for (HTTPMirrorPolicy m : route.getMirrors()) {
				if (m.getDestination() != null) {
					out.add(mirror(m.getDestination(), m.getPercentage() == null || m.getPercentage().getValue() == null ? 100
							: m.getPercentage().getValue()));
				}
			}
		}
		return out;
	}

	private static Mirror mirror(Destination d, Double percent) {
		return new Mirror(d.getHost(), d.getSubset() == null ? "" : d.getSubset(), percent == null ? 100 : percent);
	}

	private static double percent(Percent percentage, Integer legacy) {
		if (percentage != null && percentage.getValue() != null) {
			return percentage.getValue();
		}
		return legacy == null ? 0 : legacy;
	}

	/** A protobuf duration as YAML writes it: {@code 2s}, {@code 0.5s}, {@code 100ms}, {@code 1m}, {@code 1h}. */
	static Duration duration(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim();
		try {
			if (t.endsWith("ms")) {
				return Duration.ofNanos(Math.round(Double.parseDouble(t.substring(0, t.length() - 2)) * 1_000_000));
			}
			double value = Double.parseDouble(t.substring(0, t.length() - 1));
			long unitNanos = switch (t.charAt(t.length() - 1)) {
				case 's' -> 1_000_000_000L;
				case 'm' -> 60_000_000_000L;
				case 'h' -> 3_600_000_000_000L;
				default -> throw new NumberFormatException();
			};
			return Duration.ofNanos(Math.round(value * unitNanos));
		}
		catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
			throw new IllegalArgumentException(field + " '" + text + "' is no duration (e.g. 2s, 500ms)");
		}
	}

	/** True when the route does nothing beyond routing (Istio's default retries aside). */
	public boolean isPlain() {
		return delay == null && abort == null && timeout == null && mirrors.isEmpty() && retries != null && retries.istioDefault();
	}

	/** One readable line per setting, as explain prints them. */
	public List<String> describe() {
		List<String> out = new ArrayList<>();
		if (delay != null) {
			out.add("fault delay " + text(delay.fixedDelay()) + " on " + pct(delay.percent()) + " of requests");
		}
		if (abort != null) {
			out.add("fault abort " + abort.httpStatus() + " on " + pct(abort.percent()) + " of requests");
		}
		out.add(timeout == null ? "timeout: none" : "timeout " + text(timeout));
		out.add(retriesLine());
		for (Mirror m : mirrors) {
			out.add("mirror " + pct(m.percent()) + " to " + m.host() + (m.subset().isEmpty() ? "" : " subset " + m.subset()));
		}
		return out;
	}

	/** The retries in one line, e.g. {@code retries 2 on connect-failure,... (Istio's default)}. */
	public String retriesLine() {
		if (retries == null) {
			return "retries: off (attempts 0)";
		}
		return "retries " + retries.attempts() + " on " + String.join(",", retries.retryOn())
				+ (retries.statusCodes().isEmpty() ? "" : " " + retries.statusCodes())
				+ (retries.perTryTimeout() == null ? "" : ", per try " + text(retries.perTryTimeout()))
				+ (retries.backoff() == null ? "" : ", back-off " + text(retries.backoff()))
				+ (retries.istioDefault() ? " (Istio's default)" : "");
	}

	private static String pct(double percent) {
		return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
	}

	private static String text(Duration d) {
		long ms = d.toMillis();
		return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
	}

}
