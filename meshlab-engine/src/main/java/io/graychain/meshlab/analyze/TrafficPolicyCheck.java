package io.graychain.meshlab.analyze;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.graychain.meshlab.mesh.DestinationRuleDef;
import io.graychain.meshlab.mesh.MeshConfig;

/**
 * A DestinationRule's {@code trafficPolicy}, top level and per subset, must pass Istio's validation
 * (istio/istio pkg/config/validation/validation.go validateTrafficPolicy, validateConnectionPool,
 * validateOutlierDetection, ValidatePercent; durations through agent.ValidateDuration: at least 1ms,
 * whole milliseconds).
 */
final class TrafficPolicyCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (DestinationRuleDef dr : config.destinationRules()) {
			Consumer<String> top = problem -> findings.add(finding(dr, "spec.trafficPolicy", problem));
			check(dr.spec().getTrafficPolicy(), top);
			notModelled(dr.spec().getTrafficPolicy(), "spec.trafficPolicy", dr, findings);
			List<Subset> subsets = dr.spec().getSubsets() == null ? List.of() : dr.spec().getSubsets();
			for (int i = 0; i < subsets.size(); i++) {
				String field = "spec.subsets[" + i + "].trafficPolicy";
				check(subsets.get(i).getTrafficPolicy(), problem -> findings.add(finding(dr, field, problem)));
				notModelled(subsets.get(i).getTrafficPolicy(), field, dr, findings);
			}
		}
		return findings;
	}

	private static void check(TrafficPolicy policy, Consumer<String> problems) {
		if (policy == null) {
			return;
		}
		if (policy.getConnectionPool() == null && policy.getOutlierDetection() == null && policy.getLoadBalancer() == null
				&& policy.getTls() == null && (policy.getPortLevelSettings() == null || policy.getPortLevelSettings().isEmpty())) {
			problems.accept("traffic policy must have at least one field");
		}
		connectionPool(policy.getConnectionPool(), problems);
		outlierDetection(policy.getOutlierDetection(), problems);
	}

	private static void connectionPool(ConnectionPoolSettings pool, Consumer<String> problems) {
		if (pool == null) {
			return;
		}
		if (pool.getHttp() == null && pool.getTcp() == null) {
			problems.accept("connection pool must have at least one field");
			return;
		}
		if (pool.getTcp() != null) {
			nonNegative(pool.getTcp().getMaxConnections(), "connectionPool.tcp.maxConnections", problems);
		}
		if (pool.getHttp() != null) {
			var http = pool.getHttp();
			nonNegative(http.getHttp1MaxPendingRequests(), "connectionPool.http.http1MaxPendingRequests", problems);
			nonNegative(http.getHttp2MaxRequests(), "connectionPool.http.http2MaxRequests", problems);
			nonNegative(http.getMaxRequestsPerConnection(), "connectionPool.http.maxRequestsPerConnection", problems);
			nonNegative(http.getMaxRetries(), "connectionPool.http.maxRetries", problems);
		}
	}

	private static void outlierDetection(OutlierDetection outlier, Consumer<String> problems) {
		if (outlier == null) {
			return;
		}
		duration(outlier.getInterval(), "outlierDetection.interval", problems);
		duration(outlier.getBaseEjectionTime(), "outlierDetection.baseEjectionTime", problems);
		percent(outlier.getMaxEjectionPercent(), "outlierDetection.maxEjectionPercent", problems);
		percent(outlier.getMinHealthPercent(), "outlierDetection.minHealthPercent", problems);
		nonNegative(outlier.getConsecutive5xxErrors(), "outlierDetection.consecutive5xxErrors", problems);
		nonNegative(outlier.getConsecutiveGatewayErrors(), "outlierDetection.consecutiveGatewayErrors", problems);
		if (!Boolean.TRUE.equals(outlier.getSplitExternalLocalOriginErrors()) && outlier.getConsecutiveLocalOriginFailures() != null
				&& outlier.getConsecutiveLocalOriginFailures() > 0) {
			problems.accept("outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false");
		}
	}

	private static void nonNegative(Integer value, String field, Consumer<String> problems) {
		if (value != null && value < 0) {
			problems.accept(field + " " + value + " must be non-negative");
		}
	}

	private static void percent(Integer value, String field, Consumer<String> problems) {
		if (value != null && (value < 0 || value > 100)) {
			problems.accept(field + " " + value + " is not within 0 to 100");
		}
	}

	private static void duration(String text, String field, Consumer<String> problems) {
		if (text == null) {
			return;
		}
		try {
			Duration d = io.graychain.meshlab.route.TrafficPolicy.duration(text, field);
			if (d == null || d.compareTo(Duration.ofMillis(1)) < 0) {
				problems.accept(field + " '" + text + "': duration must be greater than 1ms");
			}
			else if (d.toNanos() % 1_000_000 != 0) {
				problems.accept(field + " '" + text + "': only durations to ms precision are supported");
			}
		}
		catch (IllegalArgumentException bad) {
			problems.accept(bad.getMessage());
		}
	}

	/**
	 * The settings of {@code policy} a cluster follows and the lab does not (docs/route-engine.md,
	 * "DestinationRule traffic policy"): each named in a warning, so the learner knows the lab shows them
	 * without enforcing them.
	 */
	private static void notModelled(TrafficPolicy policy, String at, DestinationRuleDef dr, List<Finding> findings) {
		if (policy == null) {
			return;
		}
		List<String> fields = new ArrayList<>();
		ConnectionPoolSettings pool = policy.getConnectionPool();
		if (pool != null && pool.getHttp() != null) {
			addIf(pool.getHttp().getMaxRequestsPerConnection() != null, "connectionPool.http.maxRequestsPerConnection", fields);
			addIf(pool.getHttp().getMaxRetries() != null, "connectionPool.http.maxRetries", fields);
			addIf(pool.getHttp().getIdleTimeout() != null, "connectionPool.http.idleTimeout", fields);
		}
		if (pool != null && pool.getTcp() != null) {
			addIf(pool.getTcp().getConnectTimeout() != null, "connectionPool.tcp.connectTimeout", fields);
		}
		OutlierDetection outlier = policy.getOutlierDetection();
		if (outlier != null) {
			addIf(outlier.getConsecutiveLocalOriginFailures() != null, "outlierDetection.consecutiveLocalOriginFailures", fields);
		}
		addIf(policy.getLoadBalancer() != null, "loadBalancer", fields);
		addIf(policy.getTls() != null, "tls", fields);
		addIf(policy.getPortLevelSettings() != null && !policy.getPortLevelSettings().isEmpty(), "portLevelSettings", fields);
		for (String field : fields) {
			findings.add(new Finding(Finding.Code.POLICY_NOT_MODELLED, dr.file(), "DestinationRule " + dr.name(), at + "." + field,
					"followed on a cluster; the lab shows it but does not enforce it"));
		}
	}

	private static void addIf(boolean set, String field, List<String> fields) {
		if (set) {
			fields.add(field);
		}
	}

	private static Finding finding(DestinationRuleDef dr, String field, String message) {
		return new Finding(Finding.Code.INVALID_POLICY, dr.file(), "DestinationRule " + dr.name(), field, message);
	}

}
