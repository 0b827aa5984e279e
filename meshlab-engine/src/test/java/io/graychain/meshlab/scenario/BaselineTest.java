package io.graychain.meshlab.scenario;

import java.util.List;

import io.graychain.meshlab.chain.CallGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a scenario, the rendered v2 overlay (baseline rules) keeps every chain on v1. */
class BaselineTest {

	private static ExpectedRequest request(String name, String entry, String host, String path, String chain) {
		return new ExpectedRequest(name, entry, host, path, null, null, null, chain, null);
	}

	@Test
	void everyChainRunsV1() {
		Expectation allV1 = new Expectation("baseline", Expectation.CrossedChains.FORBIDDEN, List.of(
				request("appa", "gateway", "appa.graychain.local", "/", "appa:v1 > appb:v1"),
				request("weather", "gateway", "frontend.graychain.local", "/api/forecast", "frontend:v1 > forecast:v1"),
				request("product", "gateway", "product.graychain.local", "/product", "product:v1"),
				request("in mesh from v2", "appa-v2", "appb:8000", "/", "appb:v1"),
				request("recommendation", "forecast-v2", "recommendation:8080", "/recommendations", "recommendation:v1")));
		Verification verification = new ScenarioVerifier(Overlays.config("v2"), CallGraph.graychain())
			.verify("baseline", Overlays.config("v2"), allV1);
		assertThat(verification.passed()).as(verification.report()).isTrue();
	}

	@Test
	void aWrongExpectationIsReportedWithTheActualShares() {
		Expectation wrong = new Expectation("wrong", Expectation.CrossedChains.FORBIDDEN,
				List.of(request("appa", "gateway", "appa.graychain.local", "/", "appa:v2 > appb:v2")));
		Verification verification = new ScenarioVerifier(Overlays.config("v2"), CallGraph.graychain())
			.verify("wrong", Overlays.config("v2"), wrong);
		assertThat(verification.passed()).isFalse();
		assertThat(verification.report()).contains("expected 100% of 'appa:v2 > appb:v2', got 0%")
			.contains("unexpected chains: 'appa:v1 > appb:v1' 100%");
	}

}
