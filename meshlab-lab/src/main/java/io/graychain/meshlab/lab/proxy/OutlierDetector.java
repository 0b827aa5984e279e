package io.graychain.meshlab.lab.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.graychain.meshlab.route.TrafficPolicy.OutlierDetection;

/**
 * Envoy's outlier detection for one cluster in one proxy, consecutive errors only (Istio turns
 * success-rate ejection off), after envoy source/common/upstream/outlier_detection_impl.cc:
 * <ul>
 * <li>DetectorHostMonitorImpl::putHttpResponseCode: a 5xx counts towards consecutive 5xx, a 502, 503
 * or 504 also towards consecutive gateway errors (another 5xx resets those), anything else resets
 * both; reaching a threshold ejects the host at once, and resets that count
 * (DetectorImpl::onConsecutiveErrorWorker);</li>
 * <li>DetectorImpl::ejectHost: only while the ejected share of the cluster's hosts is below
 * maxEjectionPercent (so one host always can be);</li>
 * <li>DetectorImpl::checkHostForUneject, on each interval tick: an ejected host returns once base
 * ejection time × its ejections (at most max_ejection_time) has passed; a healthy host's ejection
 * count goes down by one;</li>
 * <li>DetectorImpl::initialize, the member update callback: a host that leaves the cluster (a pod
 * replaced by {@code lab set-env}) leaves the detector, its ejection with it, so it no longer counts
 * towards maxEjectionPercent; a host that joins starts afresh.</li>
 * </ul>
 * Locally-originated failures (connect failure, reset, timeout) count as the 503 or 504 the proxy
 * answers, as with split_external_local_origin_errors off. Ticks are computed when the detector is
 * used, at start + k × interval, so a test can drive the clock.
 */
public final class OutlierDetector {

	private final OutlierDetection config;

	private final LongSupplier nanos;

	private final long start;

	private long ticks;

	private int hostCount = 1;

	private final Map<Endpoint, Host> hosts = new HashMap<>();

	/** The cluster's hosts as the last request saw them; null until then. */
	private List<Endpoint> members;

	public OutlierDetector(OutlierDetection config, LongSupplier nanos) {
		this.config = config;
		this.nanos = nanos;
		this.start = nanos.getAsLong();
	}

	public OutlierDetection config() {
		return config;
	}

	/** The reply a host gave (or the proxy's local reply for a failure to reach it). */
	public synchronized void result(Endpoint endpoint, int status) {
		tick();
		if (members != null && !members.contains(endpoint)) {
			return; // a reply from a host that has left the cluster since
		}
		Host host = hosts.computeIfAbsent(endpoint, e -> new Host());
		if (status < 500 || status > 599) {
			host.consecutive5xx = 0;
			host.consecutiveGateway = 0;
			return;
		}
		boolean gateway = status == 502 || status == 503 || status == 504;
		host.consecutiveGateway = gateway ? host.consecutiveGateway + 1 : 0;
		host.consecutive5xx++;
		if (config.consecutiveGatewayErrors() > 0 && host.consecutiveGateway == config.consecutiveGatewayErrors() && !host.ejected) {
			host.consecutiveGateway = 0;
			eject(host);
		}
		if (config.consecutive5xxErrors() > 0 && host.consecutive5xx == config.consecutive5xxErrors() && !host.ejected) {
			host.consecutive5xx = 0;
			eject(host);
		}
	}

	/**
	 * The host to send to: {@code picked} when it is not ejected, else the next healthy one of the
	 * cluster's {@code endpoints} (the load balancer picks among healthy hosts), or, in panic (the
	 * healthy share below minHealthPercent, Istio's healthy_panic_threshold), {@code picked} anyway;
	 * null when no host is healthy and there is no panic: Envoy answers 503 {@code no healthy upstream}
	 * (envoy source/common/upstream/load_balancer_impl.cc LoadBalancerBase::chooseHostSet, isHostSetInPanic;
	 * source/common/router/router.cc sendNoHealthyUpstreamResponse).
	 */
	public synchronized Endpoint choose(Endpoint picked, List<Endpoint> endpoints, long roundRobin) {
		tick();
		hostCount = Math.max(1, endpoints.size());
		if (!endpoints.equals(members)) {
			members = List.copyOf(endpoints);
			hosts.keySet().retainAll(members);
		}
		if (!ejected(picked)) {
			return picked;
		}
		List<Endpoint> healthy = new ArrayList<>();
		for (Endpoint e : endpoints) {
			if (!ejected(e)) {
				healthy.add(e);
			}
		}
		if (100.0 * healthy.size() / hostCount < config.minHealthPercent()) {
			return picked;
		}
		return healthy.isEmpty() ? null : healthy.get((int) Math.floorMod(roundRobin, (long) healthy.size()));
	}

	/** True while {@code endpoint} is ejected. */
	public synchronized boolean ejected(Endpoint endpoint) {
		tick();
		Host host = hosts.get(endpoint);
		return host != null && host.ejected;
	}

	private void eject(Host host) {
		long out = hosts.values().stream().filter(h -> h.ejected).count();
		if (100.0 * out / hostCount >= config.maxEjectionPercent()) {
			return;
		}
		host.ejected = true;
		host.ejections++;
		host.ejectedAt = nanos.getAsLong();
	}

	private void tick() {
		long interval = Math.max(1, config.interval().toNanos());
		long due = (nanos.getAsLong() - start) / interval;
		// after a long quiet spell the last ticks decide alone: ejections only end and counts only go down
		ticks = Math.max(ticks, due - 10_000);
		for (; ticks < due; ticks++) {
			long at = start + (ticks + 1) * interval;
			for (Host host : hosts.values()) {
				if (host.ejected) {
					Duration out = config.ejectionTime(host.ejections);
					if (at - host.ejectedAt >= out.toNanos()) {
						host.ejected = false;
					}
				}
				else if (host.ejections > 0) {
					host.ejections--;
				}
			}
		}
	}

	private static final class Host {

		int consecutive5xx;

		int consecutiveGateway;

		boolean ejected;

		int ejections;

		long ejectedAt;

	}

}
