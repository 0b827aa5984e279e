package io.graychain.meshlab.lab.proxy;

import java.util.Objects;
import java.util.function.LongSupplier;

import io.graychain.meshlab.route.TrafficPolicy;

/**
 * One Envoy cluster (a Service, or one of its subsets) as one proxy sees it: its circuit breakers
 * and its outlier detection, following the DestinationRule in force. A changed outlierDetection
 * starts afresh (Istio pushes a changed cluster, and Envoy builds its detector anew); changed
 * connection-pool limits apply to the requests that come next.
 */
public final class UpstreamCluster {

	private final String name;

	private final LongSupplier nanos;

	private final CircuitBreaker breaker;

	private volatile OutlierDetector outliers;

	public UpstreamCluster(String name, TrafficPolicy policy, LongSupplier nanos) {
		this.name = name;
		this.nanos = nanos;
		this.breaker = new CircuitBreaker(policy.connectionPool());
		follow(policy);
	}

	/** Puts {@code policy} in force; returns this cluster. */
	public synchronized UpstreamCluster follow(TrafficPolicy policy) {
		if (!breaker.limits().equals(policy.connectionPool())) {
			breaker.limits(policy.connectionPool());
		}
		OutlierDetector current = outliers;
		if (policy.outlierDetection() == null) {
			outliers = null;
		}
		else if (current == null || !Objects.equals(current.config(), policy.outlierDetection())) {
			outliers = new OutlierDetector(policy.outlierDetection(), nanos);
		}
		return this;
	}

	/** The cluster, {@code appb} or {@code appb|v2}. */
	public String name() {
		return name;
	}

	public CircuitBreaker breaker() {
		return breaker;
	}

	/** The outlier detection, or null when the DestinationRule sets none. */
	public OutlierDetector outliers() {
		return outliers;
	}

	/** What the host answered (its status, or the proxy's local reply for a failure to reach it). */
	void completed(Endpoint endpoint, int status) {
		OutlierDetector detector = outliers;
		if (detector != null) {
			detector.result(endpoint, status);
		}
	}

}
