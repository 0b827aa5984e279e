package io.graychain.meshlab.lab.proxy;

/**
 * The connection pool towards one destination, what Istio's DestinationRule
 * {@code trafficPolicy.connectionPool} sets: connections at most ({@code tcp.maxConnections}),
 * requests waiting for a connection at most ({@code http.http1MaxPendingRequests}), requests per
 * connection before it is closed ({@code http.maxRequestsPerConnection}, 0: no limit). A request
 * past {@code maxConnections + maxPendingRequests} is refused with Envoy's overflow reply.
 * Defaults are Envoy's circuit-breaker defaults, 1024 and 1024
 * ({@code envoy/config/cluster/v3/circuit_breaker.proto}, {@code Thresholds}).
 */
public record PoolLimits(int maxConnections, int maxPendingRequests, int maxRequestsPerConnection) {

	public static final PoolLimits ENVOY = new PoolLimits(1024, 1024, 0);

	public PoolLimits {
		if (maxConnections < 1 || maxPendingRequests < 0 || maxRequestsPerConnection < 0) {
			throw new IllegalArgumentException("connection pool limits must be positive: " + maxConnections + ", "
					+ maxPendingRequests + ", " + maxRequestsPerConnection);
		}
	}

	/** How many requests to one destination may be in flight or waiting at once. */
	int admitted() {
		return maxConnections + maxPendingRequests;
	}

}
