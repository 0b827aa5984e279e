package io.graychain.meshlab.analyze;

import java.util.List;

import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Test;

import static io.graychain.meshlab.testing.TrafficPolicies.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DestinationRule traffic policies Istio refuses (istio/istio pkg/config/validation/validation.go
 * validateConnectionPool, validateOutlierDetection, ValidatePercent, agent.ValidateDuration).
 */
class TrafficPolicyCheckTest {

	@Test
	void valuesIstioRefusesAreErrorsNamingTheirField() {
		List<Finding> findings = Mesh.findings(file("refused-values.yaml")).stream()
			.filter(f -> f.code() == Finding.Code.INVALID_POLICY).toList();
		assertThat(findings).allMatch(Finding::isError).allMatch(f -> f.resource().equals("DestinationRule appb-refused"));
		assertThat(findings).extracting(f -> f.field() + ": " + f.message()).containsExactlyInAnyOrder(
				"spec.trafficPolicy: connectionPool.tcp.maxConnections -1 must be non-negative",
				"spec.trafficPolicy: outlierDetection.interval '0.5ms': duration must be greater than 1ms",
				"spec.trafficPolicy: outlierDetection.baseEjectionTime 'soon' is no duration (e.g. 2s, 500ms)",
				"spec.trafficPolicy: outlierDetection.maxEjectionPercent 150 is not within 0 to 100",
				"spec.subsets[0].trafficPolicy: connection pool must have at least one field",
				"spec.subsets[0].trafficPolicy: outlierDetection.minHealthPercent -5 is not within 0 to 100",
				"spec.subsets[0].trafficPolicy: outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false");
	}

	@Test
	void theScenariosAndTestPoliciesPass() {
		assertThat(Mesh.findings(file("appb-subset-overrides.yaml"), file("product-outlier-defaults.yaml")))
			.noneMatch(f -> f.code() == Finding.Code.INVALID_POLICY);
	}

	@Test
	void settingsTheLabDoesNotModelAreWarningsNamingTheirField() {
		List<Finding> findings = Mesh.findings(file("not-modelled-settings.yaml")).stream()
			.filter(f -> f.resource().equals("DestinationRule appb-cluster-only")).toList();
		assertThat(findings).allMatch(f -> f.code() == Finding.Code.POLICY_NOT_MODELLED).noneMatch(Finding::isError);
		assertThat(findings).extracting(Finding::field).containsExactlyInAnyOrder(
				"spec.trafficPolicy.connectionPool.http.maxRequestsPerConnection",
				"spec.trafficPolicy.connectionPool.http.maxRetries", "spec.trafficPolicy.connectionPool.http.idleTimeout",
				"spec.trafficPolicy.connectionPool.tcp.connectTimeout", "spec.trafficPolicy.loadBalancer", "spec.trafficPolicy.tls",
				"spec.subsets[0].trafficPolicy.outlierDetection.consecutiveLocalOriginFailures");
	}

}
