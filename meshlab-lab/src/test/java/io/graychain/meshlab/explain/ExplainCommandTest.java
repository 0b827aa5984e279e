package io.graychain.meshlab.explain;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.lab.daemon.LabState;
import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.FakeKubectl;
import io.graychain.support.test.FakeKubectl.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code explain} as a user runs it: human and JSON answers, rule sources, one line for bad input. */
class ExplainCommandTest {

	private static final Path REPO = Tools.repo();

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	/** What one run printed and returned. */
	record Run(int exit, String out, String err) {
	}

	private Run explain(Map<String, String> env, String... args) {
		List<String> all = new ArrayList<>(List.of("--repo", REPO.toString()));
		all.addAll(List.of(args));
		CommandLine line = ExplainCommand.commandLine(new ExplainCommand(env));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		line.setOut(new PrintWriter(out));
		line.setErr(new PrintWriter(err));
		int exit = line.execute(all.toArray(String[]::new));
		return new Run(exit, out.toString(), err.toString());
	}

	/** A rules file of src/test/resources/explain. */
	private static Path fixture(String name) {
		try {
			return Path.of(ExplainCommandTest.class.getResource("/explain/" + name).toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Run explain(String... args) {
		return explain(Map.of(), args);
	}

	@Test
	void showsHopByHopTheRuleThatDecidedAndTheFirstFailedCondition() {
		Run run = explain("--scenario", "end-user-jason", "--host", "appa.graychain.local", "-H", "End-User: alice");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("gateway -> appa.graychain.local /")
			.contains("headers.end-user exact jason does not match \"alice\"")
			.contains("appa-v1 -> appb:8000 /")
			.contains("100%  appa:v1 > appb:v1");
	}

	@Test
	void explainsAtTheGatewayApiGatewayWithTheTwinOfAScenario() {
		Run run = explain("--scenario", "end-user-jason", "--gateway-api", "--from", "graychain-http", "--host", "appa.graychain.local",
				"-H", "End-User: alice");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("graychain-http -> appa.graychain.local /")
			.contains("passed over HTTPRoute graychain/appa-gateway spec.rules[0].matches[0]: headers.end-user Exact jason: is \"alice\"")
			.contains("decided by HTTPRoute graychain/appa-gateway spec.rules[1]")
			.contains("decided by HTTPRoute graychain/appb-mesh spec.rules[1]")
			.contains("100%  appa:v1 > appb:v1");
	}

	/**
	 * A request is routed by the routes on the listeners of the port it arrives on (gateway-api
	 * conformance tests/httproute-listener-port-matching.go); the port the lab serves by default.
	 */
	@Test
	void fromAGatewayApiGatewayTakesThePortTheRequestArrivesOn() {
		String rules = fixture("gateway-two-ports.yaml").toString();
		Run served = explain("--rules", rules, "--from", "graychain-http", "--host", "product.graychain.local",
				"--path", "/product");
		assertThat(served.exit()).as(served.err()).isZero();
		assertThat(served.out()).contains("decided by HTTPRoute graychain/product-80 spec.rules[0]").contains("100%  product:v1");

		Run alt = explain("--rules", rules, "--from", "graychain-http:8080", "--host", "product.graychain.local",
				"--path", "/product");
		assertThat(alt.exit()).as(alt.err()).isZero();
		assertThat(alt.out()).contains("decided by HTTPRoute graychain/product-8080 spec.rules[0]").contains("timeout 2s")
			.contains("mirror 10% to product-v1.graychain.svc.cluster.local").contains("100%  product:v2");

		Run bad = explain("--rules", rules, "--from", "graychain-http:http", "--host", "product.graychain.local");
		assertThat(bad.exit()).isEqualTo(2);
		assertThat(bad.err()).startsWith("explain: --from graychain-http:http: a Gateway API Gateway and the port the request arrives "
				+ "on, e.g. graychain-http:8080").doesNotContain("Exception");
	}

	@Test
	void rulesTakeHttpRoutesForTheMesh() {
		Run run = explain("--no-baseline", "--rules", fixture("appb-gamma-lane.yaml").toString(), "--from", "appa-v2", "--host",
				"appb:8000", "-H", "x-gray-lane: v2");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("decided by HTTPRoute graychain/appb-mesh spec.rules[0].matches[0]")
			.contains("100%  appb:v2");
	}

	@Test
	void aVirtualServiceBesideAMeshHttpRouteIsRefusedByName() {
		Run run = explain("--rules", fixture("appb-gamma-lane.yaml").toString(), "--from", "appa-v2", "--host", "appb:8000");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("501 both VirtualService appb and HTTPRoute appb-mesh route appb.graychain.svc.cluster.local");
	}

	@Test
	void aScenarioWithoutTwinIsOneLine() {
		Run run = explain("--scenario", "weather-tester-cookie", "--gateway-api", "--host", "frontend.graychain.local");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).startsWith("explain: scenario 'weather-tester-cookie' has no Gateway API twin").doesNotContain("Exception");
	}

	@Test
	void jsonStartsWithTheEntryHopAndNamesRuleRouteAndDestinations() throws Exception {
		Run run = explain("--scenario", "appa-delegate-10-90", "--host", "appa.graychain.local", "--json");
		assertThat(run.exit()).as(run.err()).isZero();
		JsonNode root = JSON.readTree(run.out());
		JsonNode entry = root.path("hops").get(0);
		assertThat(entry.path("from").asText()).isEqualTo("gateway");
		assertThat(entry.path("host").asText()).isEqualTo("appa.graychain.local");
		assertThat(entry.path("status").asInt()).isEqualTo(200);
		assertThat(entry.path("rule").path("kind").asText()).isEqualTo("VirtualService");
		assertThat(entry.path("rule").path("name").asText()).isEqualTo("appa");
		assertThat(entry.path("rule").path("delegate").asText()).isEqualTo("appa-gateway-split");
		assertThat(entry.path("rule").path("routeName").asText()).isEqualTo("from-gateway-split-10-90");
		JsonNode destinations = entry.path("destinations");
		assertThat(destinations).hasSize(2);
		assertThat(destinations.get(0).path("version").asText()).isEqualTo("v1");
		assertThat(destinations.get(0).path("percent").decimalValue()).isEqualByComparingTo("10");
		assertThat(destinations.get(1).path("app").asText()).isEqualTo("appa");
		assertThat(destinations.get(1).path("percent").decimalValue()).isEqualByComparingTo("90");
		int below = destinations.get(1).path("calls").get(0).asInt();
		JsonNode appb = root.path("hops").get(below);
		assertThat(appb.path("from").asText()).isEqualTo("appa-v2");
		assertThat(appb.path("parent").asInt()).isZero();
		assertThat(appb.path("destinations").get(0).path("version").asText()).isEqualTo("v2");
		assertThat(entry.path("calls")).hasSize(2);
	}

	@Test
	void theAnalyzersWordOnTheRulesComesLast() throws Exception {
		Path rules = fixture("frontend-tutorial-cookie.yaml");
		Run run = explain("--rules", rules.toString(), "--host", "frontend.graychain.local", "--path", "/api/forecast?city=oslo",
				"-b", "a=1", "-b", "user=tester");
		assertThat(run.out()).contains("headers.cookie regex ^(.*?;)?(user=tester)(;.*)?$ does not match \"a=1; user=tester\"")
			.contains("100%  frontend:v1 > forecast:v1")
			.contains("the analyzer says:\n  Warning [COOKIE_MATCH]");
		JsonNode json = JSON.readTree(explain("--rules", rules.toString(), "--host", "frontend.graychain.local", "--json").out());
		assertThat(json.path("findings").get(0).path("code").asText()).isEqualTo("COOKIE_MATCH");
		assertThat(json.path("findings").get(0).path("severity").asText()).isEqualTo("warning");
	}

	@Test
	void fromAWorkloadGoesThroughItsSidecar() {
		Run run = explain("--scenario", "appa-delegate-10-90", "--from", "appa-v1", "--host", "appb:8000");
		assertThat(run.out()).contains("appa-v1 -> appb:8000 /")
			.contains("not on this proxy: sourceLabels.version v2 is not the sender's \"v1\"")
			.contains("100%  appb:v1");
	}

	@Test
	void withoutTheBaselineASidecarSpreadsOverEveryPod() {
		Run run = explain("--no-baseline", "--from", "appa-v1", "--host", "appb:8000");
		assertThat(run.out()).contains("no VirtualService: round robin over the pods of appb").contains("50%  appb:v1")
			.contains("50%  appb:v2");
	}

	@Test
	void laterRulesReplaceEarlierOnesOfTheSameName() {
		Path rules = fixture("product-all-v2.yaml");
		Run run = explain("--scenario", "product-50-50", "--rules", rules.toString(), "--host", "product.graychain.local",
				"--path", "/product");
		assertThat(run.out()).contains("100%  product:v2");
	}

	@Test
	void rulesAndScenariosRepeatAndApplyInTheOrderGiven() {
		String cookie = fixture("frontend-tutorial-cookie.yaml").toString();
		String allV2 = fixture("product-all-v2.yaml").toString();
		Run run = explain("--rules", cookie, "--scenario", "product-50-50", "--rules", allV2, "--host", "product.graychain.local",
				"--path", "/product");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).as("the last --rules replaces the scenario's product").contains("100%  product:v2")
			.as("the first --rules is in force too").contains("Warning [COOKIE_MATCH]");
		Run scenarioLast = explain("--rules", cookie, "--rules", allV2, "--scenario", "product-50-50", "--host",
				"product.graychain.local", "--path", "/product");
		assertThat(scenarioLast.exit()).as(scenarioLast.err()).isZero();
		assertThat(scenarioLast.out()).contains("50%  product:v1").contains("50%  product:v2");
	}

	@Test
	void labUsesTheRulesTheDaemonRecordedInItsState() throws Exception {
		LabState state = new LabState(dir);
		state.writeStarted(ProcessHandle.current().pid(), 1);
		state.writeRules(REPO.resolve("k8s/overlays/v2"),
				Files.readString(REPO.resolve("istio/scenarios/product-promote-v2/virtual-service-product-100-v2.yaml")));
		Run run = explain("--lab", "--lab-state", dir.toString(), "--host", "product.graychain.local");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("100%  product:v2");
	}

	@Test
	void clusterReadsTheRulesWithKubectl() throws Exception {
		ArrayNode items = JSON.createArrayNode();
		new Kustomizer().build(REPO.resolve("k8s/overlays/v2")).stream()
			.filter(o -> List.of("Service", "Deployment", "DestinationRule", "Gateway", "VirtualService")
				.contains(o.path("kind").asText()))
			.forEach(o -> {
				ObjectNode copy = o.deepCopy();
				((ObjectNode) copy.path("metadata")).put("creationTimestamp", "2026-01-01T00:00:00Z");
				copy.putObject("status");
				items.add(copy);
			});
		ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
		list.set("items", items);
		FakeKubectl kubectl = FakeKubectl.answering(dir,
				Reply.to("get " + RuleSources.CLUSTER_KINDS + " -n graychain -o json").printing(JSON.writeValueAsString(list)),
				Reply.to("get " + RuleSources.GATEWAY_API_KINDS + " -n graychain -o json")
					.failing(1, "error: the server doesn't have a resource type \"gateways\""));
		Run run = explain(Map.of("KUBECTL", kubectl.executable().toString()), "--cluster", "--host", "appa.graychain.local");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("100%  appa:v1 > appb:v1");
		assertThat(kubectl.calls()).hasSize(2);
	}

	@Test
	void clusterReadsGatewayApiRoutesWhenItHasTheirKinds() throws Exception {
		ArrayNode items = JSON.createArrayNode();
		new Kustomizer().build(REPO.resolve("k8s/overlays/v2")).stream()
			.filter(o -> List.of("Service", "Deployment").contains(o.path("kind").asText()))
			.forEach(items::add);
		ArrayNode routes = JSON.createArrayNode();
		ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
		for (Path file : List.of(REPO.resolve("istio/gateway-api/gateway.yaml"), REPO.resolve("istio/gateway-api/services-per-version.yaml"),
				REPO.resolve("istio/scenarios/end-user-jason/gateway-api/httproute-jason-v2.yaml"))) {
			try (var parser = yaml.createParser(file.toFile())) {
				yaml.readValues(parser, JsonNode.class).forEachRemaining(n -> ("Service".equals(n.path("kind").asText()) ? items : routes).add(n));
			}
		}
		FakeKubectl kubectl = FakeKubectl.answering(dir,
				Reply.to("get " + RuleSources.CLUSTER_KINDS + " -n graychain -o json").printing(list(items)),
				Reply.to("get " + RuleSources.GATEWAY_API_KINDS + " -n graychain -o json").printing(list(routes)));
		Run run = explain(Map.of("KUBECTL", kubectl.executable().toString()), "--cluster", "--from", "graychain-http", "--host",
				"appa.graychain.local", "-H", "end-user: jason");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("decided by HTTPRoute graychain/appa-gateway spec.rules[0]").contains("100%  appa:v2 > appb:v2");
	}

	private static String list(ArrayNode items) throws Exception {
		ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
		list.set("items", items);
		return JSON.writeValueAsString(list);
	}

	@Test
	void aFailingKubectlIsOneLine() {
		FakeKubectl kubectl = FakeKubectl.failing(dir, 1, "error: You must be logged in to the server (Unauthorized)");
		Run run = explain(Map.of("KUBECTL", kubectl.executable().toString()), "--cluster", "--host", "appa.graychain.local");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err().strip()).doesNotContain("\n").contains("Unauthorized");
	}

	@Test
	void badInputIsOneLineNamingTheProblemAndExitTwo() throws Exception {
		Path broken = Files.writeString(dir.resolve("broken.yaml"), "kind: VirtualService\nspec: [\n");
		List<Run> runs = List.of(explain("--from", "nope", "--host", "appa"),
				explain("--scenario", "no-such-scenario", "--host", "appa.graychain.local"),
				explain("--host", "nowhere.example.com", "--no-baseline"),
				explain("--rules", broken.toString(), "--host", "appa.graychain.local"),
				explain("--host"),
				explain("--lab", "--lab-state", dir.resolve("none").toString(), "--host", "appa.graychain.local"),
				explain("--host", "appa.graychain.local", "-H", "no colon"));
		assertThat(runs).allSatisfy(run -> {
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err().strip()).startsWith("explain: ").doesNotContain("\n").doesNotContain("Exception");
			assertThat(run.out()).isEmpty();
		});
		assertThat(runs.get(0).err()).contains("unknown workload 'nope'");
		assertThat(runs.get(1).err()).contains("no scenario 'no-such-scenario'");
		assertThat(runs.get(2).err()).contains("unknown host 'nowhere.example.com'");
		assertThat(runs.get(3).err()).contains("broken.yaml");
		assertThat(runs.get(5).err()).contains("no running lab");
	}

}
