package io.graychain.meshlab.gatewayapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.graychain.meshlab.chain.CallGraph;
import io.graychain.meshlab.chain.Explainer;
import io.graychain.meshlab.route.Decision;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters of an HTTPRoute rule (gateway-api apis/v1/httproute_types.go HTTPRouteFilter; conformance
 * tests/httproute-request-header-modifier.go, httproute-rewrite-path.go, httproute-request-mirror.go):
 * what the backend receives, and so what travels down the chain.
 */
class HttpRouteEngineTest {

	private final RouteEngine engine = Mesh.engine(fixture());

	@Test
	void requestHeaderModifierSetsAddsAndRemovesWhatTheBackendReceives() {
		HttpRequest request = HttpRequest.get("appa.graychain.local", "/lane/greet").withHeader("end-user", "jason")
			.withHeader("x-note", "a");
		Decision decision = engine.decide(request, engine.source("graychain-http"));
		assertThat(decision.status()).as(decision.reason()).isEqualTo(200);
		assertThat(decision.forwarded().headers()).containsEntry("x-gray-lane", "v2").containsEntry("x-note", "a,b")
			.doesNotContainKey("end-user");
		assertThat(decision.forwarded().path()).isEqualTo("/greet");
	}

	@Test
	void theModifiedHeaderTravelsDownTheChain() {
		var explanation = new Explainer(engine, CallGraph.graychain())
			.explain(HttpRequest.get("appa.graychain.local", "/lane"), engine.source("graychain-http"), "graychain-http");
		assertThat(explanation.chains()).containsOnlyKeys("appa:v1 > appb:v2");
	}

	@Test
	void withoutTheFilterTheMeshRouteMatchesNothing() {
		var explanation = new Explainer(engine, CallGraph.graychain())
			.explain(HttpRequest.get("appa.graychain.local", "/mirror"), engine.source("graychain-http"), "graychain-http");
		assertThat(explanation.chains()).containsOnlyKeys("appa:v1 > appb:404");
	}

	@Test
	void urlRewriteReplacesHostAndFullPath() {
		Decision decision = engine.decide(HttpRequest.get("appa.graychain.local", "/full"), engine.source("graychain-http"));
		assertThat(decision.forwarded().host()).isEqualTo("elsewhere.graychain.local");
		assertThat(decision.forwarded().path()).isEqualTo("/greet");
	}

	@Test
	void aMirrorIsNamedAndChangesNoDestination() {
		Decision decision = engine.decide(HttpRequest.get("appa.graychain.local", "/mirror"), engine.source("graychain-http"));
		assertThat(decision.reason()).contains("mirrors to appb-v2");
		assertThat(decision.destinations()).singleElement().satisfies(d -> assertThat(d.workload().name()).isEqualTo("appa-v1"));
		assertThat(decision.forwarded()).isNull();
	}

	@Test
	void replacePrefixMatchKeepsWholeElements() {
		assertThat(RequestFilters.replacePrefix("/lane", "/", "/lane")).isEqualTo("/");
		assertThat(RequestFilters.replacePrefix("/lane", "/", "/lane/greet")).isEqualTo("/greet");
		assertThat(RequestFilters.replacePrefix("/lane/", "/v2", "/lane/greet/x")).isEqualTo("/v2/greet/x");
		assertThat(RequestFilters.replacePrefix("/", "/api", "/greet")).isEqualTo("/api/greet");
	}

	@Test
	void decidingRuleIsNamedForExplain() {
		Decision decision = engine.decide(HttpRequest.get("appa.graychain.local", "/full"), engine.source("graychain-http"));
		assertThat(decision.ruleRef().describe()).isEqualTo("HTTPRoute graychain/appa-gateway spec.rules[1].matches[0]");
		// Exact paths come before prefixes, the longer first (Istio sortHTTPRoutes): /mirror, then /full
		assertThat(decision.passedOver()).singleElement()
			.satisfies(p -> assertThat(p.toString()).isEqualTo(
					"HTTPRoute graychain/appa-gateway spec.rules[2].matches[0]: path Exact /mirror: /full does not match"));
	}

	private static String fixture() {
		try (var in = HttpRouteEngineTest.class.getResourceAsStream("/gateway-api-filters.yaml")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
