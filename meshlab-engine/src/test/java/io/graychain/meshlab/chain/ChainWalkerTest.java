package io.graychain.meshlab.chain;

import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.route.Share;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainWalkerTest {

	private static final String APPA_10_90 = """
			apiVersion: networking.istio.io/v1
			kind: VirtualService
			metadata: {name: appa}
			spec:
			  hosts: [appa.graychain.local]
			  gateways: [graychain-gateway]
			  http:
			  - route:
			    - {destination: {host: appa, subset: v1}, weight: 10}
			    - {destination: {host: appa, subset: v2}, weight: 90}
			""";

	@Test
	void combinesEveryHopIntoExactChainShares() {
		RouteEngine engine = Mesh.engine(APPA_10_90);
		ChainShares chains = new ChainWalker(engine, CallGraph.graychain())
			.walk(HttpRequest.get("appa.graychain.local", "/"), engine.source("graychain-gateway"));
		// appb has no rule: each appa pod spreads over both appb pods
		assertThat(chains.byText()).containsOnlyKeys("appa:v1 > appb:v1", "appa:v1 > appb:v2", "appa:v2 > appb:v1",
				"appa:v2 > appb:v2");
		assertThat(chains.shareOf("appa:v2 > appb:v1")).isEqualTo(Share.of(45, 100));
		assertThat(chains.crossedShare()).isEqualTo(Share.of(1, 2));
	}

	@Test
	void aServiceWithOneVersionDoesNotCrossAChain() {
		Chain chain = new Chain(java.util.List.of(new Hop("forecast", "v2"), new Hop("recommendation", "v1")));
		assertThat(chain.crossed(java.util.Map.of("forecast", java.util.Set.of("v1", "v2"), "recommendation",
				java.util.Set.of("v1")))).isFalse();
		assertThat(chain).hasToString("forecast:v2 > recommendation:v1");
	}

	@Test
	void servicesPassOnTheAllowedHeadersAndTheNameParameter() {
		HttpRequest received = HttpRequest.get("appa", "/greet?name=xx&other=1").withHeader("end-user", "jason")
			.withHeader("authorization", "secret").withCookie("user", "tester");
		HttpRequest next = CallGraph.graychain().downstream("appa", "v1", received).orElseThrow();
		assertThat(next.host()).isEqualTo("appb:8000");
		assertThat(next.path()).isEqualTo("/greet");
		assertThat(next.query()).containsOnlyKeys("name");
		assertThat(next.headers()).containsOnlyKeys("end-user", "cookie");
		assertThat(CallGraph.graychain().downstream("forecast", "v1", received)).isEmpty();
		assertThat(CallGraph.graychain().downstream("forecast", "v2", received)).isPresent();
	}

}
