package io.graychain.meshlab.scenario;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.chain.CallGraph;
import io.graychain.meshlab.mesh.MeshConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's prediction of final statuses and least times ({@link OutcomePredictor}) over the
 * shipped fault, timeout and retry scenarios: a wrong share, a status the rules never give, a
 * latency bound the rules cannot keep, each fails with what the rules give instead.
 */
class OutcomePredictionTest {

	final ScenarioVerifier verifier = new ScenarioVerifier(Overlays.config("v2"), CallGraph.graychain());

	List<String> problems(String scenario, Map<String, Map<String, String>> environment, ExpectedRequest request) {
		MeshConfig config = verifier.withScenario(new Scenario(scenario, Overlays.scenarios().resolve(scenario)));
		Verification v = verifier.verify(scenario, config, new Expectation("test", null, List.of(request), environment));
		return v.checks().get(0).problems();
	}

	static ExpectedRequest atGateway(String host, String path, Map<String, String> headers, Map<String, Object> statuses,
			LatencyBounds latency) {
		return new ExpectedRequest("r", "gateway", host, path, headers, null, Map.of("city", "berlin"), null, null,
				statuses == null ? null : ExpectedStatuses.of(statuses), latency, null, null, null);
	}

	/** An abort is its status for its share, at every hop above as graychain's services report a 503. */
	@Test
	void anAbortShareIsTheShareOfItsStatus() {
		assertThat(problems("appb-abort-20-percent", Map.of(),
				atGateway("appa.graychain.local", "/", Map.of(), Map.of("200", 75, "503", 25), null)))
			.containsExactly("expected 75% of status 200, the rules give 80%", "expected 25% of status 503, the rules give 20%");
		assertThat(problems("appb-abort-20-percent", Map.of(),
				atGateway("appa.graychain.local", "/", Map.of(), Map.of("200", 100), null)))
			.contains("unexpected status 503: the rules give 20%");
	}

	/**
	 * A timeout the least time below certainly passes answers 504 at that proxy, after the timeout and
	 * not the delay: a bound below the timeout, or one past the delay, is refused.
	 */
	@Test
	void aTimeoutAboveADelayIsA504AfterTheTimeout() {
		Map<String, String> jason = Map.of("end-user", "jason");
		assertThat(problems("jason-delay-timeout-mismatch", Map.of(), atGateway("frontend.graychain.local", "/api/forecast", jason,
				Map.of("504", 100), LatencyBounds.of("1s", "1800ms")))).isEmpty();
		assertThat(problems("jason-delay-timeout-mismatch", Map.of(), atGateway("frontend.graychain.local", "/api/forecast", jason,
				null, LatencyBounds.of("1800ms", null))))
			.containsExactly("expected every request to take at least 1800ms, the rules make some take no more than 1000ms");
		assertThat(problems("jason-delay-timeout-mismatch", Map.of(), atGateway("frontend.graychain.local", "/api/forecast", jason,
				null, LatencyBounds.of(null, "900ms"))))
			.containsExactly("expected every request below 900ms, the rules make some take at least 1000ms");
	}

	/** Retries on 5xx: a reply failing with p is the answer only when all 4 tries fail, p^4. */
	@Test
	void retriesMakeAFailingShareItsPowerOfTheTries() {
		ExpectedRequest shopper = atGateway("product.graychain.local", "/product", Map.of(),
				Map.of("200", new BigDecimal("99.595"), "500", new BigDecimal("0.405")), null);
		assertThat(problems("product-retries-hide-failing-v2",
				Map.of("product-v2", Map.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT", "30")), shopper)).isEmpty();
		assertThat(problems("product-retries-hide-failing-v2", Map.of(), shopper))
			.containsExactly("expected 99.595% of status 200, the rules give 100%",
					"expected 0.405% of status 500, the rules give 0%");
	}

	/** A misbehaving delay past the route's timeout is the timeout's 504. */
	@Test
	void aSlowHopPastTheRouteTimeoutIs504() {
		ExpectedRequest user = atGateway("appa.graychain.local", "/", Map.of(), Map.of("504", 100), LatencyBounds.of("1s", "2s"));
		assertThat(problems("appb-timeout-shorter-than-slow-hop", Map.of("appb-v1", Map.of("GRAYCHAIN_MISBEHAVE_DELAY", "2s")), user))
			.isEmpty();
		assertThat(problems("appb-timeout-shorter-than-slow-hop", Map.of("appb-v1", Map.of("GRAYCHAIN_MISBEHAVE_DELAY", "900ms")), user))
			.contains("unexpected status 200: the rules give 100%");
	}

}
