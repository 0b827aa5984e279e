package io.graychain.meshlab.route;

import java.time.Duration;
import java.util.List;

import io.graychain.meshlab.route.TrafficPolicy.ConnectionPool;
import io.graychain.meshlab.route.TrafficPolicy.OutlierDetection;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Test;

import static io.graychain.meshlab.testing.TrafficPolicies.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DestinationRule {@code trafficPolicy} as Istio turns it into Envoy clusters: defaults
 * (istio/istio pilot/pkg/networking/core/cluster_traffic_policy.go getDefaultCircuitBreakerThresholds,
 * applyConnectionPool, applyOutlierDetection), a subset's policy over the top-level one
 * (cluster_builder.go MergeTrafficPolicy), and the ejection time (envoy
 * source/common/upstream/outlier_detection_impl.cc checkHostForUneject).
 */
class TrafficPolicyTest {

	private static final String V2_GUARDED = file("appb-route-to-v2-guarded.yaml");

	@Test
	void aClusterNoRuleConfiguresHasIstiosUnlimitedThresholdsAndNoOutlierDetection() {
		RouteEngine engine = Mesh.engine();
		TrafficPolicy policy = only(engine, "appb").trafficPolicy();
		assertThat(policy).isEqualTo(TrafficPolicy.ISTIO_DEFAULT);
		assertThat(policy.connectionPool().maxConnections()).isEqualTo(4_294_967_295L);
		assertThat(policy.outlierDetection()).isNull();
		assertThat(policy.describe()).isEmpty();
	}

	@Test
	void theTopLevelPolicyAppliesToTheHostsOwnClusterAndToSubsetsWithoutOne() {
		RouteEngine engine = Mesh.engine(file("appb-subset-overrides.yaml"));
		TrafficPolicy host = engine.destinations().trafficPolicy("appb.graychain.svc.cluster.local", "");
		assertThat(host.connectionPool()).isEqualTo(new ConnectionPool(10, 5, TrafficPolicy.UNLIMITED, 1));
		assertThat(host.connectionPool().admitted()).isEqualTo(15);
		assertThat(host.outlierDetection()).isEqualTo(new OutlierDetection(2, 0, Duration.ofSeconds(1), Duration.ofSeconds(15), 50, 0));
		assertThat(engine.destinations().trafficPolicy("appb.graychain.svc.cluster.local", "v1-plain")).isEqualTo(host);
	}

	@Test
	void aSubsetsConnectionPoolReplacesTheTopLevelOneWholeAndKeepsItsOutlierDetection() {
		RouteEngine engine = Mesh.engine(file("appb-subset-overrides.yaml"), V2_GUARDED);
		WeightedDestination v2 = only(engine, "appb");
		assertThat(v2.cluster()).isEqualTo("appb|v2-guarded");
		// not merged field by field: tcp.maxConnections 10 and http1MaxPendingRequests 5 are gone
		assertThat(v2.trafficPolicy().connectionPool()).isEqualTo(new ConnectionPool(TrafficPolicy.UNLIMITED, TrafficPolicy.UNLIMITED, 3, 0));
		assertThat(v2.trafficPolicy().connectionPool().admitted()).isEqualTo(3);
		assertThat(v2.trafficPolicy().outlierDetection().consecutive5xxErrors()).isEqualTo(2);
		assertThat(v2.trafficPolicy().describe()).containsExactly(
				"connection pool: maxConnections unlimited, pending unlimited, maxRequests 3 (past 3 at once: 503 UO)",
				"outlier detection: eject after 2 5xx in a row for 15s × ejections, checked every 1s, at most 50% of hosts");
	}

	@Test
	void unsetOutlierFieldsTakeEnvoysDefaultsAsIstioLeavesThem() {
		RouteEngine engine = Mesh.engine(file("product-outlier-defaults.yaml"));
		OutlierDetection o = engine.destinations().trafficPolicy("product.graychain.svc.cluster.local", "v1").outlierDetection();
		// consecutive_5xx 5 enforced at 100% unless set; the gateway errors as set; interval 10s, base 30s, 10%
		assertThat(o).isEqualTo(new OutlierDetection(5, 3, Duration.ofSeconds(10), Duration.ofSeconds(30), 10, 0));
	}

	@Test
	void aHostEjectedAgainStaysOutBaseTimesEjectionsUpToMaxEjectionTime() {
		OutlierDetection o = new OutlierDetection(1, 0, Duration.ofSeconds(1), Duration.ofSeconds(30), 10, 0);
		assertThat(o.ejectionTime(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(o.ejectionTime(3)).isEqualTo(Duration.ofSeconds(90));
		assertThat(o.ejectionTime(20)).isEqualTo(Duration.ofSeconds(300));
		OutlierDetection longBase = new OutlierDetection(1, 0, Duration.ofSeconds(1), Duration.ofSeconds(400), 10, 0);
		assertThat(longBase.ejectionTime(2)).isEqualTo(Duration.ofSeconds(400));
	}

	private static WeightedDestination only(RouteEngine engine, String host) {
		List<WeightedDestination> destinations = engine.decide(HttpRequest.get(host, "/"), engine.source("appa-v1")).destinations();
		return destinations.stream().filter(d -> d.workload() != null && d.workload().name().endsWith("v2")).findFirst()
			.orElse(destinations.get(0));
	}

}
