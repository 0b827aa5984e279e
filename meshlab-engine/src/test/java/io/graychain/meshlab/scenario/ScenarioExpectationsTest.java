package io.graychain.meshlab.scenario;

import java.util.List;
import java.util.stream.Stream;

import io.graychain.meshlab.analyze.Analyzer;
import io.graychain.meshlab.chain.CallGraph;
import io.graychain.meshlab.mesh.MeshConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario's expect.yaml holds, computed by the route engine over the rendered k8s/overlays/v2. */
class ScenarioExpectationsTest {

	static Stream<Scenario> scenarios() {
		return Scenario.all(Overlays.scenarios()).stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void expectationHoldsOverTheV2Overlay(Scenario scenario) {
		Verification verification = new ScenarioVerifier(Overlays.config("v2"), CallGraph.graychain()).verify(scenario);
		assertThat(verification.passed()).as(verification.report()).isTrue();
		assertThat(verification.checks()).isNotEmpty();
	}

	static Stream<Scenario> gatewayApiTwins() {
		return scenarios().filter(Scenario::hasGatewayApiTwin);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("gatewayApiTwins")
	void expectationHoldsForTheGatewayApiTwin(Scenario scenario) {
		Verification verification = new ScenarioVerifier(Overlays.config("v2"), CallGraph.graychain()).verifyGatewayApiTwin(scenario);
		assertThat(verification.passed()).as(verification.report()).isTrue();
		assertThat(verification.checks()).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("gatewayApiTwins")
	void gatewayApiTwinReplacesTheVirtualServicesOfItsHostsAndHasNoMistake(Scenario scenario) {
		MeshConfig twin = new ScenarioVerifier(Overlays.config("v2"), CallGraph.graychain()).withGatewayApiTwin(scenario);
		assertThat(twin.httpRoutesByCreation()).isNotEmpty();
		assertThat(twin.kubeGateways()).extracting(g -> g.name()).containsExactly("graychain-http");
		assertThat(Analyzer.analyze(twin)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void scenarioAppliedOverTheV2OverlayHasNoMistake(Scenario scenario) {
		MeshConfig config = new ScenarioVerifier(Overlays.config("v2"), CallGraph.graychain()).withScenario(scenario);
		assertThat(Analyzer.analyze(config)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void scenarioFolderHasYamlReadmeAndGoal(Scenario scenario) {
		assertThat(scenario.istioFiles()).as("YAML to apply").isNotEmpty();
		assertThat(scenario.dir().resolve("README.md")).isRegularFile();
		assertThat(scenario.expectation().goal()).isNotBlank().doesNotContain("\n");
		assertThat(scenario.istioFiles()).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("(virtual-service|destination-rule)-.+"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void scenarioReplacesBaselineRulesByNameOnly(Scenario scenario) {
		MeshConfig base = Overlays.config("v2");
		MeshConfig applied = new ScenarioVerifier(base, CallGraph.graychain()).withScenario(scenario);
		List<String> baseline = base.virtualServices().stream().map(vs -> vs.name()).toList();
		assertThat(applied.virtualServices()).as("one VirtualService per host: scenarios reuse the baseline names")
			.filteredOn(vs -> !vs.isDelegate()).extracting(vs -> vs.name()).containsExactlyInAnyOrderElementsOf(baseline);
	}

}
