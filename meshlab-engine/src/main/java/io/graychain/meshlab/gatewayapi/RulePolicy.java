package io.graychain.meshlab.gatewayapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMirrorPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetry;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.Percent;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestMirrorFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteTimeouts;
import io.graychain.meshlab.mesh.HostNames;
import io.graychain.meshlab.route.RoutePolicy;

/**
 * An HTTPRoute rule's timeouts, retry and RequestMirror filters, translated into the VirtualService
 * route Istio builds from it (istio/istio pilot/pkg/config/kube/gateway/conversion.go
 * convertHTTPRoute, createMirrorFilter), then read like any VirtualService route
 * ({@link RoutePolicy#of}):
 * <ul>
 * <li>{@code timeouts.request} is the route timeout; {@code 0s} sets none.</li>
 * <li>{@code timeouts.backendRequest} is the per-try timeout when the rule has a {@code retry}
 * stanza; without one, Istio writes it as the route timeout, replacing {@code timeouts.request}.</li>
 * <li>{@code retry}: {@code attempts} (default 2) on connect-failure, refused-stream, unavailable,
 * cancelled and the {@code codes}; without it, Istio's default retry policy.</li>
 * <li>{@code RequestMirror}: the backend's Service FQDN, {@code fraction} as
 * {@code 100 * numerator / denominator} (denominator 100 by default), else {@code percent}, else
 * every request. A mirror whose backend is invalid is dropped (the route keeps working, its status
 * says why).</li>
 * </ul>
 */
public final class RulePolicy {

	/** gateway-api apis/v1/shared_types.go Duration (GEP-2257): one to four number+unit parts. */
	private static final Pattern DURATION = Pattern.compile("^([0-9]{1,5}(h|m|s|ms)){1,4}$");

	private static final Pattern PART = Pattern.compile("([0-9]{1,5})(h|ms|m|s)");

	private RulePolicy() {
	}

	/**
	 * The rule's policy, or why it cannot be read.
	 *
	 * @param routeNamespace the HTTPRoute's namespace, where its backends are looked up
	 */
	static Result of(HTTPRouteRule rule, String routeNamespace, Backends backends) {
		HTTPRoute route = new HTTPRoute();
		StringBuilder notes = new StringBuilder();
		List<HTTPMirrorPolicy> mirrors = new ArrayList<>();
		for (HTTPRouteFilter filter : HttpRouteMatcher.nonNull(rule.getFilters())) {
			if (!"RequestMirror".equals(filter.getType()) || filter.getRequestMirror() == null
					|| filter.getRequestMirror().getBackendRef() == null) {
				continue;
			}
			HTTPRequestMirrorFilter mirror = filter.getRequestMirror();
			Optional<String> invalid = backends.invalid(mirror.getBackendRef(), routeNamespace);
			if (invalid.isPresent()) {
				notes.append("; RequestMirror dropped: ").append(invalid.get());
				continue;
			}
			mirrors.add(mirror(mirror, routeNamespace));
		}
		route.setMirrors(mirrors.isEmpty() ? null : mirrors);
		if (rule.getRetry() != null) {
			List<String> on = new ArrayList<>(List.of("connect-failure", "refused-stream", "unavailable", "cancelled"));
			HttpRouteMatcher.nonNull(rule.getRetry().getCodes()).forEach(c -> on.add(String.valueOf(c)));
			HTTPRetry retry = new HTTPRetry();
			retry.setAttempts(rule.getRetry().getAttempts() == null ? 2 : rule.getRetry().getAttempts());
			retry.setRetryOn(retry.getAttempts() == 0 ? "" : String.join(",", on));
			route.setRetries(retry);
		}
		HTTPRouteTimeouts timeouts = rule.getTimeouts();
		if (timeouts != null) {
			try {
				Duration request = duration(timeouts.getRequest(), "timeouts.request");
				Duration backend = duration(timeouts.getBackendRequest(), "timeouts.backendRequest");
				if (request != null && !request.isZero()) {
					route.setTimeout(millis(request));
				}
				if (backend != null && !backend.isZero()) {
					if (route.getRetries() != null) {
						route.getRetries().setPerTryTimeout(millis(backend));
					}
					else {
						route.setTimeout(millis(backend));
					}
				}
			}
			catch (IllegalArgumentException ex) {
				return new Result(null, "", ex.getMessage());
			}
		}
		return new Result(RoutePolicy.of(route), notes.toString(), null);
	}

	private static HTTPMirrorPolicy mirror(HTTPRequestMirrorFilter filter, String routeNamespace) {
		Destination destination = new Destination();
		String namespace = filter.getBackendRef().getNamespace() == null ? routeNamespace : filter.getBackendRef().getNamespace();
		destination.setHost(HostNames.fqdn(filter.getBackendRef().getName(), namespace));
		HTTPMirrorPolicy out = new HTTPMirrorPolicy();
		out.setDestination(destination);
		Double percent = null;
		if (filter.getFraction() != null && filter.getFraction().getNumerator() != null) {
			int denominator = filter.getFraction().getDenominator() == null ? 100 : filter.getFraction().getDenominator();
			percent = denominator <= 0 ? 0 : 100.0 * filter.getFraction().getNumerator() / denominator;
		}
		else if (filter.getPercent() != null) {
			percent = filter.getPercent().doubleValue();
		}
		if (percent != null) {
			Percent p = new Percent();
			p.setValue(percent);
			out.setPercentage(p);
		}
		return out;
	}

	/**
	 * A Gateway API duration ({@code 10s}, {@code 500ms}, {@code 1h30m}), or null when not set.
	 *
	 * @throws IllegalArgumentException when it is no Gateway API duration
	 */
	public static Duration duration(String text, String field) {
		if (text == null) {
			return null;
		}
		if (!DURATION.matcher(text).matches()) {
			throw new IllegalArgumentException(field + " '" + text
					+ "' is no Gateway API duration (GEP-2257: e.g. 10s, 500ms, 1m30s)");
		}
		Duration total = Duration.ZERO;
		Matcher part = PART.matcher(text);
		while (part.find()) {
			long n = Long.parseLong(part.group(1));
			total = total.plus(switch (part.group(2)) {
				case "h" -> Duration.ofHours(n);
				case "m" -> Duration.ofMinutes(n);
				case "s" -> Duration.ofSeconds(n);
				default -> Duration.ofMillis(n);
			});
		}
		return total;
	}

	private static String millis(Duration d) {
		return d.toMillis() + "ms";
	}

	/**
	 * @param policy the rule's policy, or null when refused
	 * @param notes what the trace should add (dropped mirrors), starting with {@code ; }, or empty
	 * @param refusal why the policy cannot be read, or null
	 */
	record Result(RoutePolicy policy, String notes, String refusal) {
	}

}
