package io.graychain.meshlab.explain;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.graychain.meshlab.chain.CallGraph;
import io.graychain.meshlab.chain.Explainer;
import io.graychain.meshlab.chain.Explanation;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.route.Share;
import io.graychain.meshlab.route.Source;
import io.graychain.meshlab.scenario.ExpectedRequest;
import io.graychain.meshlab.scenario.Scenario;
import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One more proof path: explain's answer (the overlay rendered as explain renders it, the scenario
 * applied as {@code --scenario} applies it) agrees with every request of every shipped expect.yaml.
 */
class ExplainExpectationsTest {

	private static final Path REPO = Tools.repo();

	static Stream<Scenario> scenarios() {
		return Scenario.all(REPO.resolve("istio/scenarios")).stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void explainAgreesWithTheExpectation(Scenario scenario) {
		MeshConfig config = RuleSources.apply(RuleSources.overlay(REPO.resolve("k8s/overlays/v2"), true),
				List.of(RuleSources.Layer.scenario(scenario.name())), REPO.resolve("istio/scenarios"));
		RouteEngine engine = new RouteEngine(config);
		Explainer explainer = new Explainer(engine, CallGraph.graychain());
		for (ExpectedRequest request : scenario.expectation().requests()) {
			if (request.shares().isEmpty()) {
				// statuses alone (a fault, a timeout): ScenarioExpectationsTest checks them with the engine's prediction
				continue;
			}
			Source source = request.atGateway() ? Source.gateway(config.gateways().get(0)) : engine.source(request.entry());
			Explanation explanation = explainer.explain(request.toRequest(), source, request.entry());
			Map<String, Share> chains = explanation.chains();
			assertThat(chains.keySet()).as(request.name() + "\n" + ExplanationText.write(explanation, List.of()))
				.containsExactlyInAnyOrderElementsOf(request.shares().keySet());
			for (Map.Entry<String, BigDecimal> expected : request.shares().entrySet()) {
				assertThat(chains.get(expected.getKey()).isPercent(expected.getValue()))
					.as(request.name() + ": " + expected.getKey() + " is " + chains.get(expected.getKey())).isTrue();
			}
			assertThat(explanation.hops().get(0).from()).isEqualTo(request.entry());
		}
	}

}
