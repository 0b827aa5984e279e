package io.graychain.meshlab.lab.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.explain.RuleSources;
import io.graychain.meshlab.lab.client.RulesSource;
import io.graychain.meshlab.lab.proxy.Endpoint;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.lab.proxy.Router;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab's rules: errors refuse a scenario, warnings do not; what is in force is recorded for explain --lab. */
class LabRulesTest {

	private static final String APPB = """
			apiVersion: networking.istio.io/v1
			kind: VirtualService
			metadata: {name: appb}
			spec:
			  hosts: [appb]
			  http:
			  - match: [{headers: {End-User: {exact: jason}}}]
			    route: [{destination: {host: appb, subset: %s}}]
			  - route: [{destination: {host: appb, subset: v1}}]
			""";

	@TempDir
	Path dir;

	@Test
	void recordsTheYamlInForceAndAppliesWarningsButRefusesErrors() throws Exception {
		List<String> recorded = new ArrayList<>();
		LabRules rules = new LabRules(Mesh.of(), new EngineRouter(Mesh.of(), Map.of()), recorded::add);
		assertThat(recorded).containsExactly("");
		LabRules.Change applied = rules.apply("upper.yaml", APPB.formatted("v2"));
		assertThat(applied.applied()).isTrue();
		assertThat(applied.message()).contains("Warning [UPPERCASE_HEADER_NAME]");
		assertThat(recorded).last().asString().contains("subset: v2");
		assertThat(rules.apply("wrong.yaml", APPB.formatted("v9")).applied()).isFalse();
		assertThat(recorded).hasSize(2);
		rules.reset();
		assertThat(recorded).last().isEqualTo("");
	}

	@Test
	void aGatewayApiTwinIsServedAtGraychainHttpAndInTheMesh() {
		Path repo = io.graychain.meshlab.testing.Tools.repo();
		MeshConfig base = RuleSources.overlay(repo.resolve("k8s/overlays/v2"), true);
		Map<String, List<Endpoint>> endpoints = Map.of("appa-v2", List.of(new Endpoint("appa-v2-0", "appa-v2", 1)),
				"appb-v2", List.of(new Endpoint("appb-v2-0", "appb-v2", 2)));
		EngineRouter router = new EngineRouter(base, endpoints);
		LabRules rules = new LabRules(base, router);
		HttpRequest jason = HttpRequest.get("appa.graychain.local", "/").withHeader("end-user", "jason");
		assertThat(router.route(Router.GATEWAY_API, jason).status()).as("no Gateway API Gateway before a twin").isEqualTo(404);

		RulesSource twin = RulesSource.resolveGatewayApi("end-user-jason", repo.resolve("istio/scenarios"));
		LabRules.Change change = rules.applyGatewayApi(twin.name(), twin.yaml(), twin.files());

		assertThat(change.applied()).as(change.message()).isTrue();
		assertThat(router.route(Router.GATEWAY_API, jason).endpoint().pod()).isEqualTo("appa-v2-0");
		assertThat(router.route("appa-v2", HttpRequest.get("appb:8000", "/").withHeader("end-user", "jason")).endpoint().pod())
			.isEqualTo("appb-v2-0");
		assertThat(rules.describe()).contains("HTTPRoute      appb-mesh").doesNotContain("VirtualService appb ");
	}

	@Test
	void theStateFolderHoldsTheOverlayAndTheRulesUntilCleared() throws Exception {
		LabState state = new LabState(dir);
		state.writeRules(dir.resolve("overlay"), "kind: VirtualService\n");
		assertThat(Files.readString(dir.resolve(LabState.OVERLAY))).isEqualTo(dir.resolve("overlay").toAbsolutePath() + "\n");
		assertThat(dir.resolve(LabState.RULES)).hasContent("kind: VirtualService");
		state.clear();
		assertThat(dir.resolve(LabState.OVERLAY)).doesNotExist();
		assertThat(dir.resolve(LabState.RULES)).doesNotExist();
	}

}
