package io.graychain.meshlab.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.graychain.meshlab.chain.CallGraph;
import io.graychain.meshlab.chain.ChainShares;
import io.graychain.meshlab.chain.ChainWalker;
import io.graychain.meshlab.kustomize.ManifestException;
import io.graychain.meshlab.mesh.GatewayDef;
import io.graychain.meshlab.mesh.KubeGatewayDef;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.route.Share;
import io.graychain.meshlab.route.Source;

/**
 * Checks a scenario's expectation with the route engine: the scenario's YAML applied over a base
 * configuration (the rendered overlay with the baseline), every request walked down its chain, the
 * exact shares compared, crossed chains counted.
 */
public final class ScenarioVerifier {

	private final MeshConfig base;

	private final CallGraph calls;

	public ScenarioVerifier(MeshConfig base, CallGraph calls) {
		this.base = base;
		this.calls = calls;
	}

	/** The base configuration with the scenario's YAML applied as {@code kubectl apply} would. */
	public MeshConfig withScenario(Scenario scenario) {
		MeshLoader loader = new MeshLoader();
		scenario.istioFiles().forEach(loader::read);
		if (!loader.problems().isEmpty()) {
			throw new ManifestException(scenario.name() + ": " + loader.problems());
		}
		return base.apply(loader.resources());
	}

	public Verification verify(Scenario scenario) {
		return verify(scenario.name(), withScenario(scenario), scenario.expectation());
	}

	/** The base configuration with the scenario's Gateway API twin applied instead of its Istio rules ({@link GatewayApiTwin}). */
	public MeshConfig withGatewayApiTwin(Scenario scenario) {
		MeshLoader loader = new MeshLoader();
		scenario.gatewayApiFiles().forEach(loader::read);
		if (!loader.problems().isEmpty()) {
			throw new ManifestException(scenario.name() + " (Gateway API twin): " + loader.problems());
		}
		return GatewayApiTwin.apply(base, loader.resources());
	}

	/** The scenario's expectation checked against its Gateway API twin, entering at the Gateway graychain-http. */
	public Verification verifyGatewayApiTwin(Scenario scenario) {
		return verify(scenario.name() + " (Gateway API)", withGatewayApiTwin(scenario), scenario.expectation());
	}

	public Verification verify(String name, MeshConfig config, Expectation expectation) {
		RouteEngine engine = new RouteEngine(config);
		ChainWalker walker = new ChainWalker(engine, calls);
		OutcomePredictor outcomes = new OutcomePredictor(engine, calls, expectation.environment());
		List<RequestCheck> checks = new ArrayList<>();
		for (ExpectedRequest request : expectation.requests()) {
			Source source = source(engine, request);
			ChainShares actual = walker.walk(request.toRequest(), source);
			List<String> problems = new ArrayList<>(request.shares().isEmpty() ? List.of()
					: problems(request, actual, expectation.crossedChains()));
			// under a load step the statuses depend on the load (a circuit breaker's overflow): the lab checks them
			if ((request.statuses() != null || request.latency() != null) && request.loadStep().isEmpty()) {
				problems.addAll(OutcomeCheck.problems(request, outcomes.predict(request.toRequest(), source)));
			}
			checks.add(new RequestCheck(request, actual, problems));
		}
		return new Verification(name, checks);
	}

	private static Source source(RouteEngine engine, ExpectedRequest request) {
		if (!request.atGateway()) {
			return engine.source(request.entry());
		}
		if (!engine.config().httpRoutesByCreation().isEmpty()) {
			List<KubeGatewayDef> kube = engine.config().kubeGateways();
			if (kube.size() != 1) {
				throw new ManifestException("entry 'gateway' with HTTPRoutes needs exactly one Gateway API Gateway, found " + kube.size());
			}
			return Source.kubeGateway(kube.get(0));
		}
		List<GatewayDef> gateways = engine.config().gateways();
		if (gateways.size() != 1) {
			throw new ManifestException("entry 'gateway' needs exactly one Gateway, found " + gateways.size());
		}
		return Source.gateway(gateways.get(0));
	}

	private static List<String> problems(ExpectedRequest request, ChainShares actual, Expectation.CrossedChains crossed) {
		List<String> problems = new ArrayList<>();
		Map<String, Share> byText = actual.byText();
		for (Map.Entry<String, BigDecimal> expected : request.shares().entrySet()) {
			Share share = actual.shareOf(expected.getKey());
			if (!share.isPercent(expected.getValue())) {
				problems.add("expected " + expected.getValue().toPlainString() + "% of '" + expected.getKey() + "', got " + share);
			}
		}
		String unexpected = byText.keySet().stream().filter(c -> !request.shares().containsKey(c))
			.map(c -> "'" + c + "' " + byText.get(c)).collect(Collectors.joining(", "));
		if (!unexpected.isEmpty()) {
			problems.add("unexpected chains: " + unexpected);
		}
		if (crossed == Expectation.CrossedChains.FORBIDDEN && !actual.crossedShare().isZero()) {
			problems.add("crossed chains are forbidden, got " + actual.crossedShare() + " crossed");
		}
		return problems;
	}

}
