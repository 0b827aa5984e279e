package io.graychain.meshlab.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.graychain.meshlab.chain.CallGraph;
import io.graychain.meshlab.mesh.Workload;
import io.graychain.meshlab.route.Decision;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RetryOn;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.route.RoutePolicy;
import io.graychain.meshlab.route.Source;
import io.graychain.meshlab.route.WeightedDestination;

/**
 * What the rules (and the misbehaviour a scenario sets) make of a request at its entry: the share of
 * each final status and the least time each outcome takes. Each proxy down the chain is modelled as
 * Envoy runs it: the fault filter's delay, then its abort (a local reply, never retried there), then
 * the router: a try to each destination by its share, a per-try or route timeout that the least time
 * below certainly exceeds answering 504, and the route's retries, tries being independent (each draws
 * its faults anew below). A service answers its caller as graychain's services do
 * (support's DownstreamFailures): 503 and 504 from below stay, any other failure is 502; a
 * misbehaving one (GRAYCHAIN_MISBEHAVE_DELAY, then _ERROR_PERCENT) waits, then answers 500 for its share.
 *
 * <p>Not modelled: the services' own client timeouts, load, and a timeout the least time only nears:
 * an outcome is timed out only when its least time is past the timeout.
 */
final class OutcomePredictor {

	/** One outcome: the status the entry answers and the least time it takes, in milliseconds. */
	record Outcome(int status, long leastMillis) {
	}

	private static final int MAX_DEPTH = 10;

	private final RouteEngine engine;

	private final CallGraph calls;

	private final Map<String, Map<String, String>> environment;

	OutcomePredictor(RouteEngine engine, CallGraph calls, Map<String, Map<String, String>> environment) {
		this.engine = engine;
		this.calls = calls;
		this.environment = environment;
	}

	/** Each outcome of {@code request} sent from {@code source}, with its probability. */
	Map<Outcome, Double> predict(HttpRequest request, Source source) {
		return atProxy(request, source, 0);
	}

	private Map<Outcome, Double> atProxy(HttpRequest request, Source source, int depth) {
		Decision decision = engine.decide(request, source);
		Map<Outcome, Double> out = new LinkedHashMap<>();
		if (decision.outcome() != Decision.Outcome.ROUTED) {
			boolean inMesh = !(source instanceof Source.AtGateway) && !(source instanceof Source.AtKubeGateway);
			int status = decision.outcome() == Decision.Outcome.UNKNOWN_HOST && inMesh ? 502 : decision.status();
			out.put(new Outcome(status, 0), 1.0);
			return out;
		}
		RoutePolicy policy = decision.policy();
		double delayed = policy.delay() == null ? 0 : share(policy.delay().percent());
		long delayMillis = policy.delay() == null ? 0 : policy.delay().fixedDelay().toMillis();
		double aborted = policy.abort() == null ? 0 : share(policy.abort().percent());
		Map<Outcome, Double> routed = new LinkedHashMap<>();
		for (WeightedDestination destination : decision.destinations()) {
			double weight = destination.share().toDouble();
			if (!destination.available()) {
				// the router's own reply (no healthy upstream): no try, nothing to retry
				add(routed, new Outcome(destination.failStatus(), 0), weight);
				continue;
			}
			HttpRequest received = decision.forwarded() == null ? request : decision.forwarded();
			Map<Try, Double> oneTry = timedOut(app(destination, received, depth), policy);
			retried(oneTry, policy.retries()).forEach((o, p) -> add(routed, o, weight * p));
		}
		for (int d = 0; d < 2; d++) {
			double w = d == 0 ? delayed : 1 - delayed;
			long wait = d == 0 ? delayMillis : 0;
			if (w <= 0) {
				continue;
			}
			if (aborted > 0) {
				add(out, new Outcome(policy.abort().httpStatus(), wait), w * aborted);
			}
			if (aborted < 1) {
				routed.forEach((o, p) -> add(out, new Outcome(o.status(), o.leastMillis() + wait), w * (1 - aborted) * p));
			}
		}
		return out;
	}

	/** What a pod of {@code destination} answers: its misbehaviour, else its call below, as the service reports it. */
	private Map<Outcome, Double> app(WeightedDestination destination, HttpRequest received, int depth) {
		Workload workload = destination.workload();
		Map<String, String> env = environment.getOrDefault(workload.name(), Map.of());
		double failing = share(number(env.get("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT")));
		long wait = millis(env.get("GRAYCHAIN_MISBEHAVE_DELAY"));
		Map<Outcome, Double> out = new LinkedHashMap<>();
		if (failing > 0) {
			out.put(new Outcome(500, wait), failing);
		}
		if (failing >= 1) {
			return out;
		}
		String app = workload.labels().getOrDefault("app", destination.service());
		Optional<HttpRequest> next = depth < MAX_DEPTH ? calls.downstream(app, destination.version(), received) : Optional.empty();
		Map<Outcome, Double> below = next.map(n -> atProxy(n, Source.workload(workload), depth + 1))
			.orElse(Map.of(new Outcome(200, 0), 1.0));
		below.forEach((o, p) -> add(out, new Outcome(reported(o.status()), o.leastMillis() + wait), (1 - failing) * p));
		return out;
	}

	/** How a graychain service reports the hop below: 200 as is, 503 and 504 kept, anything else 502. */
	private static int reported(int below) {
		return below == 200 || below == 503 || below == 504 ? below : 502;
	}

	/** A try as the router sees it: its outcome, and whether it ended by the per-try timeout. */
	private record Try(Outcome outcome, boolean perTryTimeout) {
	}

	/** Outcomes whose least time is past the per-try timeout (or the route's, when shorter) are 504 at it. */
	private static Map<Try, Double> timedOut(Map<Outcome, Double> reply, RoutePolicy policy) {
		Duration perTry = policy.retries() == null ? null : policy.retries().perTryTimeout();
		Duration route = policy.timeout();
		Map<Try, Double> out = new LinkedHashMap<>();
		reply.forEach((o, p) -> {
			if (route != null && o.leastMillis() > route.toMillis() && (perTry == null || perTry.compareTo(route) >= 0)) {
				addTry(out, new Try(new Outcome(504, route.toMillis()), false), p);
			}
			else if (perTry != null && o.leastMillis() > perTry.toMillis()) {
				addTry(out, new Try(new Outcome(504, perTry.toMillis()), true), p);
			}
			else {
				addTry(out, new Try(o, false), p);
			}
		});
		return out;
	}

	/**
	 * With {@code attempts} retries, independent tries: a reply the policy does not retry ends the
	 * request at the first try it comes; a retried one is the answer only when every try gave one.
	 */
	private static Map<Outcome, Double> retried(Map<Try, Double> oneTry, RoutePolicy.Retry retry) {
		Map<Outcome, Double> out = new LinkedHashMap<>();
		if (retry == null) {
			oneTry.forEach((t, p) -> add(out, t.outcome(), p));
			return out;
		}
		RetryOn on = RetryOn.of(retry);
		double again = 0;
		for (Map.Entry<Try, Double> t : oneTry.entrySet()) {
			if (retriable(on, t.getKey())) {
				again += t.getValue();
			}
		}
		int tries = retry.attempts() + 1;
		double reachedLast = Math.pow(again, tries - 1);
		double anyTry = again >= 1 ? tries : (1 - Math.pow(again, tries)) / (1 - again);
		for (Map.Entry<Try, Double> t : oneTry.entrySet()) {
			add(out, t.getKey().outcome(), t.getValue() * (retriable(on, t.getKey()) ? reachedLast : anyTry));
		}
		return out;
	}

	private static boolean retriable(RetryOn on, Try t) {
		return t.perTryTimeout() ? on.onReset(RetryOn.Reset.PER_TRY_TIMEOUT) : on.onReply(t.outcome().status(), RetryOn.NO_HEADERS);
	}

	private static void add(Map<Outcome, Double> to, Outcome outcome, double p) {
		if (p > 0) {
			to.merge(outcome, p, Double::sum);
		}
	}

	private static void addTry(Map<Try, Double> to, Try t, double p) {
		if (p > 0) {
			to.merge(t, p, Double::sum);
		}
	}

	private static double share(double percent) {
		return Math.max(0, Math.min(100, percent)) / 100;
	}

	private static double number(String text) {
		return text == null || text.isBlank() ? 0 : Double.parseDouble(text.strip());
	}

	/** A misbehaviour delay as the services take it: {@code 1500ms}, {@code 2s}, or a plain number of ms. */
	private static long millis(String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		String t = text.strip();
		if (t.endsWith("ms")) {
			return Math.round(Double.parseDouble(t.substring(0, t.length() - 2)));
		}
		if (t.endsWith("s")) {
			return Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000);
		}
		return Math.round(Double.parseDouble(t));
	}

}
