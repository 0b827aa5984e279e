package io.graychain.meshlab.lab.proxy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.graychain.meshlab.lab.http.LocalReply;
import io.graychain.meshlab.route.RetryOn;
import io.graychain.meshlab.route.RoutePolicy;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import static io.graychain.meshlab.lab.http.Causes.causedBy;

/**
 * One request's tries at one proxy, as Envoy's router makes them with its retry state
 * (envoyproxy/envoy source/common/router/router.cc, retry_state_impl.cc):
 * <ul>
 * <li>a try whose reply {@link RetryOn#onReply matches} the route's conditions is dropped and tried
 * again, at most {@code attempts} times; with none left the reply goes out flagged {@code URX}
 * ({@code RetryStatus::NoRetryLimitExceeded} in Filter::onUpstreamHeaders);</li>
 * <li>a try that failed before its reply (connection failure, reset, {@code perTryTimeout}) is tried
 * again when {@link RetryOn#onReset} says so, else it is Envoy's local reply (503, or 504 for a timeout);</li>
 * <li>the route {@code timeout} spans every try and the waits between them (Filter::onRequestComplete
 * starts it once; onResponseTimeout ends the request with 504 {@code UT}, never retried); a try is bounded
 * by {@code perTryTimeout} when shorter;</li>
 * <li>between tries the jittered {@link RetryBackoff}; a retry goes to a pod not tried yet when the
 * workload has one (Istio's {@code previous_hosts} retry host predicate, retry.go DefaultPolicy).</li>
 * </ul>
 */
final class Tries {

	/** Ends a try whose reply is dropped for a retry. */
	static final class Retrying extends Exception {

		private static final long serialVersionUID = 1L;

		Retrying() {
			super("retrying", null, false, false);
		}

	}

	private final Forwarder forwarder;

	private final List<Endpoint> hosts;

	private final String method;

	private final String pathAndQuery;

	private final HttpFields headers;

	private final Supplier<org.eclipse.jetty.client.Request.Content> body;

	private final Response out;

	private final Callback callback;

	private final RequestOutcome outcome;

	private final Scheduler scheduler;

	private final Duration ceiling;

	private final Duration routeTimeout;

	private final Duration perTryTimeout;

	private final RetryOn on;

	private final RetryBackoff backoff;

	private final Set<Endpoint> tried = new HashSet<>();

	private long deadline;

	private int retriesLeft;

	private Endpoint current;

	private volatile boolean boundedByRoute;

	/**
	 * @param retry the route's retries, or null: one try only (retries off, or a body too big to replay)
	 * @param body a fresh copy of the request body for each try, or null for none
	 * @param ceiling the lab's own bound on a try when the route sets no timeout
	 */
	Tries(Forwarder forwarder, Routed routed, String method, String pathAndQuery, HttpFields headers,
			Supplier<org.eclipse.jetty.client.Request.Content> body, RoutePolicy.Retry retry, Response out, Callback callback,
			RequestOutcome outcome, Scheduler scheduler, Duration ceiling) {
		this.forwarder = forwarder;
		this.hosts = routed.hosts();
		this.method = method;
		this.pathAndQuery = pathAndQuery;
		this.headers = headers;
		this.body = body;
		this.out = out;
		this.callback = callback;
		this.outcome = outcome;
		this.scheduler = scheduler;
		this.ceiling = ceiling;
		this.routeTimeout = routed.policy().timeout();
		this.perTryTimeout = retry == null ? null : retry.perTryTimeout();
		this.on = retry == null ? null : RetryOn.of(retry);
		this.retriesLeft = retry == null ? 0 : retry.attempts();
		this.backoff = new RetryBackoff(retry == null || retry.backoff() == null ? RetryBackoff.BASE : retry.backoff(),
				bound -> ThreadLocalRandom.current().nextLong(bound));
		this.current = routed.endpoint();
	}

	/** Sends the first try; the route timeout starts now (the router has the whole request). */
	void start() {
		deadline = routeTimeout == null ? 0 : System.nanoTime() + routeTimeout.toNanos();
		send(current);
	}

	private void send(Endpoint endpoint) {
		current = endpoint;
		tried.add(endpoint);
		Duration bound;
		if (routeTimeout == null) {
			boundedByRoute = perTryTimeout == null;
			bound = perTryTimeout == null ? ceiling : perTryTimeout;
		}
		else {
			Duration remaining = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
			boundedByRoute = perTryTimeout == null || perTryTimeout.compareTo(remaining) >= 0;
			bound = boundedByRoute ? remaining : perTryTimeout;
		}
		forwarder.attempt(endpoint, method, pathAndQuery, headers, body == null ? null : body.get(), bound, out, callback,
				outcome, this);
	}

	/** At a try's reply headers: true when the reply is dropped and the request tried again. */
	boolean retryReply(int status, HttpFields replyHeaders) {
		if (on == null || !on.onReply(status, replyHeaders::get)) {
			return false;
		}
		if (retriesLeft == 0) {
			outcome.flag(ResponseFlag.UPSTREAM_RETRY_LIMIT_EXCEEDED);
			return false;
		}
		return true;
	}

	/**
	 * A try ended without a reply sent on: true when this takes the request over (a retry follows, or
	 * the route times out while waiting for it); false when the failure is the answer.
	 */
	boolean retryFailure(Throwable failure, RetryOn.Reset reason) {
		if (causedBy(failure, Retrying.class)) {
			next();
			return true;
		}
		if (on == null || (reason == RetryOn.Reset.PER_TRY_TIMEOUT && boundedByRoute) || !on.onReset(reason)) {
			return false;
		}
		if (retriesLeft == 0) {
			outcome.flag(ResponseFlag.UPSTREAM_RETRY_LIMIT_EXCEEDED);
			return false;
		}
		next();
		return true;
	}

	private void next() {
		retriesLeft--;
		long wait = backoff.nextMillis();
		if (deadline != 0 && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) >= deadline) {
			// the route timeout fires during the back-off: router.cc onResponseTimeout, 504 UT
			scheduler.schedule(() -> {
				outcome.flag(ResponseFlag.UPSTREAM_REQUEST_TIMEOUT);
				LocalReply.send(out, callback, 504, "upstream request timeout");
			}, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return;
		}
		Endpoint host = nextHost();
		scheduler.schedule(() -> send(host), wait, TimeUnit.MILLISECONDS);
	}

	/** A pod not tried yet, after the current one in the workload's order; else the next one. */
	private Endpoint nextHost() {
		int at = Math.max(0, hosts.indexOf(current));
		for (int i = 1; i <= hosts.size(); i++) {
			Endpoint candidate = hosts.get((at + i) % hosts.size());
			if (!tried.contains(candidate)) {
				return candidate;
			}
		}
		return hosts.isEmpty() ? current : hosts.get((at + 1) % hosts.size());
	}

	/** Retries left, for tests. */
	int retriesLeft() {
		return retriesLeft;
	}

}
