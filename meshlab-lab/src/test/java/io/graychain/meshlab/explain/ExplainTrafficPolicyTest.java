package io.graychain.meshlab.explain;

import java.util.List;

import io.graychain.meshlab.chain.CallGraph;
import io.graychain.meshlab.chain.Explainer;
import io.graychain.meshlab.chain.Explanation;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Test;

import static io.graychain.meshlab.testing.TrafficPolicies.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/explain} prints a DestinationRule's connection pool under the destination it guards
 * (the policy itself: meshlab-engine's TrafficPolicyTest).
 */
class ExplainTrafficPolicyTest {

	private static final String V2_GUARDED = file("appb-route-to-v2-guarded.yaml");

	@Test
	void explainShowsThePolicyUnderTheDestinationItGuards() {
		RouteEngine engine = Mesh.engine(file("appb-subset-overrides.yaml"), V2_GUARDED);
		Explanation explanation = new Explainer(engine, CallGraph.graychain())
			.explain(HttpRequest.get("appb:8000", "/"), engine.source("appa-v1"), "appa-v1");
		assertThat(ExplanationText.write(explanation, List.of())).contains("appb subset v2-guarded -> appb-v2 (app=appb, version=v2)\n"
				+ "           connection pool: maxConnections unlimited, pending unlimited, maxRequests 3 (past 3 at once: 503 UO)\n");
	}

}
