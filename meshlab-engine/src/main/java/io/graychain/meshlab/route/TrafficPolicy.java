package io.graychain.meshlab.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;

/**
 * What a DestinationRule's {@code trafficPolicy} makes of one Envoy cluster (a host, or one of its
 * subsets): the circuit breakers of its connection pool and its outlier detection, with the values
 * Istio sets when a field is unset.
 *
 * @param connectionPool the circuit breaker thresholds
 * @param outlierDetection the outlier detection, or null when the rule sets none (Envoy then ejects nothing)
 */
public record TrafficPolicy(ConnectionPool connectionPool, OutlierDetection outlierDetection) {

	/** Istio's largest threshold: unset limits are {@code math.MaxUint32}. */
	public static final long UNLIMITED = 4_294_967_295L;

	/** A cluster no DestinationRule configures. */
	public static final TrafficPolicy ISTIO_DEFAULT = new TrafficPolicy(ConnectionPool.ISTIO_DEFAULT, null);

	public TrafficPolicy {
		connectionPool = connectionPool == null ? ConnectionPool.ISTIO_DEFAULT : connectionPool;
	}

	/**
	 * Envoy's circuit breaker thresholds (envoy/config/cluster/v3/circuit_breaker.proto) as Istio sets
	 * them: every threshold {@code math.MaxUint32} unless the rule sets it above 0
	 * (istio/istio pilot/pkg/networking/core/cluster_traffic_policy.go getDefaultCircuitBreakerThresholds,
	 * applyConnectionPool: {@code tcp.maxConnections} to max_connections,
	 * {@code http.http1MaxPendingRequests} to max_pending_requests, {@code http.http2MaxRequests} to
	 * max_requests, {@code http.maxRequestsPerConnection} to the cluster's max_requests_per_connection).
	 *
	 * @param maxConnections connections to the cluster's hosts at most
	 * @param maxPendingRequests requests waiting for a connection at most
	 * @param maxRequests requests in flight at most (any protocol)
	 * @param maxRequestsPerConnection requests on one connection before it is closed, 0: no limit
	 */
	public record ConnectionPool(long maxConnections, long maxPendingRequests, long maxRequests, long maxRequestsPerConnection) {

		public static final ConnectionPool ISTIO_DEFAULT = new ConnectionPool(UNLIMITED, UNLIMITED, UNLIMITED, 0);

		static ConnectionPool of(ConnectionPoolSettings settings) {
			if (settings == null) {
				return ISTIO_DEFAULT;
			}
			var tcp = settings.getTcp();
			var http = settings.getHttp();
			return new ConnectionPool(positive(tcp == null ? null : tcp.getMaxConnections(), UNLIMITED),
					positive(http == null ? null : http.getHttp1MaxPendingRequests(), UNLIMITED),
					positive(http == null ? null : http.getHttp2MaxRequests(), UNLIMITED),
					positive(http == null ? null : http.getMaxRequestsPerConnection(), 0));
		}

		/**
		 * Requests one HTTP/1.1 proxy lets through to the cluster at once, in flight or waiting:
		 * each connection carries one request; while a connection can be made a request past
		 * {@code maxRequests} overflows, else it waits for a connection while fewer than
		 * {@code maxPendingRequests} wait (envoy source/common/conn_pool/conn_pool_base.cc
		 * ConnPoolImplBase::newStreamImpl: pendingRequests().canCreate(); attachStreamToClient:
		 * requests().canCreate()).
		 */
		public long admitted() {
			return maxRequests < maxConnections ? maxRequests : maxConnections + maxPendingRequests;
		}

		private static long positive(Integer value, long unset) {
			return value == null || value <= 0 ? unset : value;
		}

	}

	/**
	 * Envoy's outlier detection as Istio sets it (cluster_traffic_policy.go applyOutlierDetection):
	 * success-rate ejection off; {@code consecutive5xxErrors} enforced when above 0, Envoy's 5 when
	 * unset (enforcing_consecutive_5xx defaults to 100); {@code consecutiveGatewayErrors} enforced
	 * when above 0, off when unset (enforcing_consecutive_gateway_failure defaults to 0); interval 10s,
	 * base ejection time 30s and max ejection percent 10 when unset (envoy outlier_detection.proto);
	 * {@code minHealthPercent} becomes the cluster's healthy panic threshold (0 when unset: no panic).
	 *
	 * @param consecutive5xxErrors 5xx replies in a row that eject a host, 0: never
	 * @param consecutiveGatewayErrors 502, 503 or 504 replies in a row that eject a host, 0: never
	 * @param interval how often ejected hosts are looked at for return
	 * @param baseEjectionTime a host stays out this long times the number of times it was ejected
	 * @param maxEjectionPercent ejection stops once this share of the cluster's hosts is out
	 * @param minHealthPercent below this share of healthy hosts the cluster balances over all (panic)
	 */
	public record OutlierDetection(int consecutive5xxErrors, int consecutiveGatewayErrors, Duration interval,
			Duration baseEjectionTime, int maxEjectionPercent, int minHealthPercent) {

		/** Envoy's max_ejection_time default: an ejection never lasts longer (unless the base time does). */
		public static final Duration MAX_EJECTION_TIME = Duration.ofSeconds(300);

		static OutlierDetection of(io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection in) {
			if (in == null) {
				return null;
			}
			Duration interval = lenient(in.getInterval(), "outlierDetection.interval");
			Duration base = lenient(in.getBaseEjectionTime(), "outlierDetection.baseEjectionTime");
			return new OutlierDetection(in.getConsecutive5xxErrors() == null ? 5 : Math.max(0, in.getConsecutive5xxErrors()),
					in.getConsecutiveGatewayErrors() == null ? 0 : Math.max(0, in.getConsecutiveGatewayErrors()),
					interval == null ? Duration.ofSeconds(10) : interval, base == null ? Duration.ofSeconds(30) : base,
					in.getMaxEjectionPercent() == null || in.getMaxEjectionPercent() <= 0 ? 10 : in.getMaxEjectionPercent(),
					in.getMinHealthPercent() == null ? 0 : in.getMinHealthPercent());
		}

		/** A duration Istio would refuse reads as unset here: the analyzer reports it, the engine goes on. */
		private static Duration lenient(String text, String field) {
			try {
				Duration d = duration(text, field);
				return d == null || d.isNegative() || d.isZero() ? null : d;
			}
			catch (IllegalArgumentException refused) {
				return null;
			}
		}

		/**
		 * How long a host ejected for the {@code times}th time stays out: base × times, at most
		 * max_ejection_time or the base time when that is longer (envoy
		 * source/common/upstream/outlier_detection_impl.cc DetectorImpl::checkHostForUneject).
		 */
		public Duration ejectionTime(int times) {
			Duration ceiling = baseEjectionTime.compareTo(MAX_EJECTION_TIME) > 0 ? baseEjectionTime : MAX_EJECTION_TIME;
			Duration time = baseEjectionTime.multipliedBy(Math.max(1, times));
			return time.compareTo(ceiling) > 0 ? ceiling : time;
		}

	}

	/**
	 * The policy of a cluster from the DestinationRule's top-level {@code trafficPolicy} and the
	 * subset's own: each of connectionPool and outlierDetection the subset sets replaces the
	 * top-level one whole, field by field never (istio/istio pilot/pkg/networking/core/cluster_builder.go
	 * MergeTrafficPolicy).
	 */
	public static TrafficPolicy of(io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy top,
			io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy subset) {
		ConnectionPoolSettings pool = subset != null && subset.getConnectionPool() != null ? subset.getConnectionPool()
				: top == null ? null : top.getConnectionPool();
		var outlier = subset != null && subset.getOutlierDetection() != null ? subset.getOutlierDetection()
				: top == null ? null : top.getOutlierDetection();
		return new TrafficPolicy(ConnectionPool.of(pool), OutlierDetection.of(outlier));
	}

	/** True when neither circuit breakers nor outlier detection differ from Istio's defaults. */
	public boolean isDefault() {
		return equals(ISTIO_DEFAULT);
	}

	/** One readable line each, as explain prints them. */
	public List<String> describe() {
		List<String> out = new ArrayList<>();
		ConnectionPool p = connectionPool;
		if (!p.equals(ConnectionPool.ISTIO_DEFAULT)) {
			out.add("connection pool: maxConnections " + limit(p.maxConnections()) + ", pending " + limit(p.maxPendingRequests())
					+ ", maxRequests " + limit(p.maxRequests())
					+ (p.maxRequestsPerConnection() == 0 ? "" : ", per connection " + p.maxRequestsPerConnection())
					+ " (past " + limit(p.admitted()) + " at once: 503 UO)");
		}
		OutlierDetection o = outlierDetection;
		if (o != null) {
			out.add("outlier detection: eject after " + (o.consecutive5xxErrors() == 0 ? "" : o.consecutive5xxErrors() + " 5xx")
					+ (o.consecutive5xxErrors() != 0 && o.consecutiveGatewayErrors() != 0 ? " or " : "")
					+ (o.consecutiveGatewayErrors() == 0 ? "" : o.consecutiveGatewayErrors() + " gateway errors")
					+ (o.consecutive5xxErrors() == 0 && o.consecutiveGatewayErrors() == 0 ? "no errors (off)" : " in a row")
					+ " for " + text(o.baseEjectionTime()) + " × ejections, checked every "
					+ text(o.interval()) + ", at most " + o.maxEjectionPercent() + "% of hosts"
					+ (o.minHealthPercent() == 0 ? "" : ", panic below " + o.minHealthPercent() + "% healthy"));
		}
		return out;
	}

	/** A protobuf duration as YAML writes it ({@code 30s}, {@code 500ms}); the message names {@code field}. */
	public static Duration duration(String text, String field) {
		return RoutePolicy.duration(text, field);
	}

	private static String text(Duration d) {
		return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
	}

	private static String limit(long value) {
		return value >= UNLIMITED ? "unlimited" : String.valueOf(value);
	}

}
