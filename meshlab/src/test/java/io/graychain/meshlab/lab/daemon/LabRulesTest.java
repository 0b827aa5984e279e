package io.graychain.meshlab.lab.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.explain.RuleSources;
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
		LabRules rules = new LabRules(Mesh.of(), new EngineRouter(Mesh.of(), Map.of()), dir, recorded::add);
		assertThat(recorded).containsExactly("");
		Path warned = Files.writeString(dir.resolve("upper.yaml"), APPB.formatted("v2"));
		LabRules.Change applied = rules.apply(warned.toString());
		assertThat(applied.applied()).isTrue();
		assertThat(applied.message()).contains("Warning [UPPERCASE_HEADER_NAME]");
		assertThat(recorded).last().asString().contains("subset: v2");
		Path wrong = Files.writeString(dir.resolve("wrong.yaml"), APPB.formatted("v9"));
		assertThat(rules.apply(wrong.toString()).applied()).isFalse();
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
		LabRules rules = new LabRules(base, router, repo.resolve("istio/scenarios"));
		HttpRequest jason = HttpRequest.get("appa.graychain.local", "/").withHeader("end-user", "jason");
		assertThat(router.route(Router.GATEWAY_API, jason).status()).as("no Gateway API Gateway before a twin").isEqualTo(404);

		LabRules.Change change = rules.applyGatewayApi("end-user-jason");

		assertThat(change.applied()).as(change.message()).isTrue();
		assertThat(router.route(Router.GATEWAY_API, jason).endpoint().pod()).isEqualTo("appa-v2-0");
		assertThat(router.route("appa-v2", HttpRequest.get("appb:8000", "/").withHeader("end-user", "jason")).endpoint().pod())
			.isEqualTo("appb-v2-0");
		assertThat(rules.describe()).contains("HTTPRoute      appb-mesh").doesNotContain("VirtualService appb ");
	}

	@Test
	void aScenarioWithoutTwinIsRefusedByName() {
		Path repo = io.graychain.meshlab.testing.Tools.repo();
		LabRules rules = new LabRules(Mesh.of(), new EngineRouter(Mesh.of(), Map.of()), repo.resolve("istio/scenarios"));
		LabRules.Change change = rules.applyGatewayApi("weather-tester-cookie");
		assertThat(change.applied()).isFalse();
		assertThat(change.message()).startsWith("scenario 'weather-tester-cookie' has no Gateway API twin");
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
