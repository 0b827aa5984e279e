package io.graychain.meshlab.scripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.graychain.meshlab.scenario.Scenario;
import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.FakeKubectl;
import io.graychain.support.test.FakeKubectl.Reply;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code scripts/scenario apply}, {@code remove} and {@code reset} run for real (not {@code --dry-run})
 * against a kubectl test double ({@link FakeKubectl}): there is no cluster here. The double answers as
 * kubectl does; the test replays the commands it got on a model of the namespace's Istio rules (what
 * {@code kubectl apply -f} and {@code delete -f} do to them) and checks make before break: after every
 * single command, every route's subset and delegate exists; DestinationRules are applied and waited
 * for before any VirtualService; baseline rules go back before anything is deleted; and the end state
 * is exactly the scenario's rules over the baseline, whatever scenario was in force before. When
 * kubectl fails, the script stops there.
 */
class ClusterScriptsScenarioTest {

	static final Path REPO = Tools.repo();

	static final Path SCRIPT = REPO.resolve("scripts/scenario");

	static final String KUBE = "--namespace demo --context lab ";

	static final Path DESTINATION_RULES = REPO.resolve("istio/destination-rules");

	static final Path BASELINE = REPO.resolve("istio/baseline");

	@TempDir
	Path dir;

	static Stream<Scenario> scenarios() {
		return Scenario.all(REPO.resolve("istio/scenarios")).stream();
	}

	ScriptRun scenario(FakeKubectl kubectl, String... args) {
		List<String> all = new ArrayList<>(List.of("--namespace", "demo", "--context", "lab"));
		all.addAll(List.of(args));
		return ScriptRun.run(SCRIPT, Tools.scriptEnv(Map.of("KUBECTL", kubectl.executable().toString())), Duration.ofSeconds(60),
				all.toArray(String[]::new));
	}

	/** A kubectl that does what it is told, after the given replies (failures) are checked. */
	FakeKubectl kubectl(Reply... first) {
		List<Reply> replies = new ArrayList<>(List.of(first));
		replies.add(Reply.toCallsStartingWith(KUBE));
		return FakeKubectl.answering(dir, replies.toArray(Reply[]::new));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void applySubsetsFirstWaitsThenRoutesAndLeavesExactlyTheScenario(Scenario scenario) {
		FakeKubectl kubectl = kubectl();

		ScriptRun run = scenario(kubectl, "apply", scenario.name());

		assertThat(run.exit()).as(run.toString()).isZero();
		List<String> calls = kubectl.calls();
		List<Path> subsets = new ArrayList<>(yaml(DESTINATION_RULES));
		subsets.addAll(scenario.istioFiles().stream().filter(f -> name(f).startsWith("destination-rule")).toList());
		List<Path> routes = scenario.istioFiles().stream().filter(f -> name(f).startsWith("virtual-service-")).toList();
		List<String> expected = new ArrayList<>();
		subsets.forEach(f -> expected.add(KUBE + "apply -f " + f));
		subsets.forEach(f -> expected.add(KUBE + "wait --for=create -f " + f + " --timeout=60s"));
		routes.forEach(f -> expected.add(KUBE + "apply -f " + f));
		assertThat(calls).as("DestinationRules, wait for each, then the scenario's VirtualServices in name order")
			.startsWith(expected.toArray(String[]::new));
		List<String> rest = calls.subList(expected.size(), calls.size());
		assertThat(rest).as("then other scenarios' rules undone: baseline rules back first, then deletions")
			.allMatch(c -> c.startsWith(KUBE + "apply -f " + BASELINE + "/") || c.matches(Pattern.quote(KUBE) + "delete -f .* --ignore-not-found"));
		assertThat(firstIndexOf(rest, " delete ")).isGreaterThanOrEqualTo(lastIndexOf(rest, " apply "));

		for (Scenario before : priorStates()) {
			Rules rules = replay(expected(before), calls);
			assertThat(rules).as("after apply %s, from %s", scenario.name(), before == null ? "the baseline" : before.name())
				.isEqualTo(expected(scenario));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void removeGoesBackToTheBaselineBeforeDeleting(Scenario scenario) {
		FakeKubectl kubectl = kubectl();

		ScriptRun run = scenario(kubectl, "remove", scenario.name());

		assertThat(run.exit()).as(run.toString()).isZero();
		List<String> calls = kubectl.calls();
		assertThat(firstIndexOf(calls, " delete ")).isGreaterThanOrEqualTo(lastIndexOf(calls, " apply "));
		assertThat(replay(expected(scenario), calls)).isEqualTo(expected(null));
	}

	@Test
	void resetGoesBackToTheBaselineFromEveryScenario() {
		FakeKubectl kubectl = kubectl();

		ScriptRun run = scenario(kubectl, "reset");

		assertThat(run.exit()).as(run.toString()).isZero();
		List<String> calls = kubectl.calls();
		int lastWait = lastIndexOf(calls, " wait --for=create ");
		assertThat(lastWait).isPositive().isLessThan(firstIndexOf(calls, "/virtual-service-"));
		for (Scenario before : priorStates()) {
			assertThat(replay(expected(before), calls)).as("reset from %s", before == null ? "the baseline" : before.name())
				.isEqualTo(expected(null));
		}
	}

	@Test
	void aWaitThatFailsStopsBeforeAnyVirtualService() {
		String wait = KUBE + "wait --for=create -f " + DESTINATION_RULES.resolve("appb.yaml") + " --timeout=5s";
		String timedOut = "error: timed out waiting for the condition on destinationrules/appb";
		FakeKubectl kubectl = kubectl(Reply.to(wait).failing(1, timedOut));

		ScriptRun run = scenario(kubectl, "--wait-timeout", "5", "apply", "end-user-jason");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains(timedOut)
			.contains("could not see appb from " + DESTINATION_RULES.resolve("appb.yaml") + " created within 5s")
			.contains("no VirtualService was applied");
		assertThat(kubectl.calls()).last().isEqualTo(wait);
		assertThat(kubectl.calls()).noneMatch(c -> c.contains("virtual-service"));
	}

	@Test
	void aDestinationRuleKubectlRefusesStopsEverything() {
		String apply = KUBE + "apply -f " + DESTINATION_RULES.resolve("appa.yaml");
		String noCrd = "error: resource mapping not found for name: \"appa\" namespace: \"\" from \"appa.yaml\": no matches for kind "
				+ "\"DestinationRule\" in version \"networking.istio.io/v1\"\nensure CRDs are installed first";
		FakeKubectl kubectl = kubectl(Reply.to(apply).failing(1, noCrd));

		ScriptRun run = scenario(kubectl, "apply", "product-50-50");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains("ensure CRDs are installed first");
		assertThat(kubectl.calls()).containsExactly(apply);
	}

	@Test
	void aVirtualServiceKubectlRefusesLeavesTheOthersAndDeletesNothing() {
		Path jason = REPO.resolve("istio/scenarios/end-user-jason/virtual-service-appa-jason-v2.yaml");
		String denied = "Error from server (BadRequest): error when creating \"" + jason
				+ "\": admission webhook \"validation.istio.io\" denied the request: configuration is invalid";
		FakeKubectl kubectl = kubectl(Reply.to(KUBE + "apply -f " + jason).failing(1, denied));

		ScriptRun run = scenario(kubectl, "apply", "end-user-jason");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains(denied);
		assertThat(kubectl.calls()).last().isEqualTo(KUBE + "apply -f " + jason);
	}

	@Test
	void removeDeletesNoDelegateWhileTheBaselineRootCouldNotGoBack() {
		String root = KUBE + "apply -f " + BASELINE.resolve("virtual-service-appa-v1.yaml");
		FakeKubectl kubectl = kubectl(Reply.to(root).failing(1, "Error from server (Forbidden): virtualservices \"appa\" is forbidden"));

		ScriptRun run = scenario(kubectl, "remove", "appa-delegate-10-90");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains("is forbidden");
		assertThat(kubectl.calls()).contains(root).noneMatch(c -> c.contains(" delete "));
	}

	@Test
	void theGatewayApiTwinIsAppliedAsAKustomizationAndRemovedRouteByRoute() throws IOException {
		Path twin = REPO.resolve("istio/scenarios/product-50-50/gateway-api");
		FakeKubectl applying = kubectl();

		ScriptRun apply = scenario(applying, "--gateway-api", "apply", "product-50-50");

		assertThat(apply.exit()).as(apply.toString()).isZero();
		assertThat(applying.calls()).containsExactly(KUBE + "apply -k " + twin);

		FakeKubectl removing = FakeKubectl.answering(Files.createDirectory(dir.resolve("remove")), Reply.toCallsStartingWith(KUBE));
		ScriptRun remove = scenario(removing, "--gateway-api", "remove", "product-50-50");

		assertThat(remove.exit()).as(remove.toString()).isZero();
		assertThat(removing.calls()).containsExactly(KUBE + "delete -f " + twin.resolve("httproute-product-50-50.yaml") + " --ignore-not-found");
	}

	// --- a model of the namespace's Istio rules ---

	/** The states a namespace can be in before a command: the baseline (null) and each scenario. */
	static List<Scenario> priorStates() {
		List<Scenario> states = new ArrayList<>();
		states.add(null);
		states.addAll(scenarios().toList());
		return states;
	}

	/** The rules in force once {@code scenario} is applied (null: the baseline): its rules over the baseline. */
	static Rules expected(Scenario scenario) {
		Rules rules = new Rules();
		yaml(DESTINATION_RULES).forEach(rules::apply);
		yaml(BASELINE).forEach(rules::apply);
		if (scenario != null) {
			scenario.istioFiles().forEach(rules::apply);
		}
		return rules;
	}

	static final Pattern APPLY = Pattern.compile(Pattern.quote(KUBE) + "apply -f (\\S+)");

	static final Pattern DELETE = Pattern.compile(Pattern.quote(KUBE) + "delete -f (\\S+) --ignore-not-found");

	static final Pattern WAIT = Pattern.compile(Pattern.quote(KUBE) + "wait --for=create -f (\\S+) --timeout=\\d+s");

	/** Runs {@code calls} on {@code rules}, checking that no route ever points at what is not there. */
	static Rules replay(Rules rules, List<String> calls) {
		for (String call : calls) {
			Matcher matcher;
			if ((matcher = APPLY.matcher(call)).matches()) {
				rules.apply(Path.of(matcher.group(1)));
			}
			else if ((matcher = DELETE.matcher(call)).matches()) {
				rules.delete(Path.of(matcher.group(1)));
			}
			else if ((matcher = WAIT.matcher(call)).matches()) {
				assertThat(rules.has(Path.of(matcher.group(1)))).as("waits for what it applied: " + call).isTrue();
			}
			else {
				fail("unexpected kubectl call: " + call);
			}
			assertThat(rules.broken()).as("routes to what is not there, after: " + call).isEmpty();
		}
		return rules;
	}

	/**
	 * Istio rules by kind and name, as a namespace holds them: {@code apply -f} creates or replaces the
	 * file's resource, {@code delete -f} removes it (by kind and name, whatever file it came from).
	 */
	static final class Rules {

		private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

		private final Map<String, JsonNode> resources = new TreeMap<>();

		void apply(Path file) {
			JsonNode resource = read(file);
			resources.put(id(resource), resource);
		}

		void delete(Path file) {
			resources.remove(id(read(file)));
		}

		boolean has(Path file) {
			return resources.containsKey(id(read(file)));
		}

		/** Every route to a subset no DestinationRule defines, or to a delegate that is not there. */
		List<String> broken() {
			List<String> broken = new ArrayList<>();
			resources.forEach((id, resource) -> {
				if (!id.startsWith("VirtualService/")) {
					return;
				}
				for (JsonNode http : resource.path("spec").path("http")) {
					String delegate = http.path("delegate").path("name").asText("");
					if (!delegate.isEmpty() && !resources.containsKey("VirtualService/" + delegate)) {
						broken.add(id + " delegates to " + delegate);
					}
					for (JsonNode route : http.path("route")) {
						String host = route.path("destination").path("host").asText();
						String subset = route.path("destination").path("subset").asText("");
						if (!subset.isEmpty() && !subsets(host).contains(subset)) {
							broken.add(id + " routes to " + host + " subset " + subset);
						}
					}
				}
			});
			return broken;
		}

		private List<String> subsets(String host) {
			return resources.values().stream()
				.filter(r -> r.path("kind").asText().equals("DestinationRule") && shortName(r.path("spec").path("host").asText()).equals(shortName(host)))
				.flatMap(r -> r.path("spec").path("subsets").valueStream())
				.map(s -> s.path("name").asText())
				.toList();
		}

		private static String shortName(String host) {
			return host.split("\\.", 2)[0];
		}

		private static String id(JsonNode resource) {
			return resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
		}

		private static JsonNode read(Path file) {
			try {
				return YAML.readTree(file.toFile());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Rules rules && rules.resources.equals(resources);
		}

		@Override
		public int hashCode() {
			return resources.hashCode();
		}

		@Override
		public String toString() {
			return String.join(", ", resources.keySet());
		}

	}

	static List<Path> yaml(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> name(f).endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String name(Path file) {
		return file.getFileName().toString();
	}

	static int firstIndexOf(List<String> calls, String part) {
		for (int i = 0; i < calls.size(); i++) {
			if (calls.get(i).contains(part)) {
				return i;
			}
		}
		return calls.size();
	}

	static int lastIndexOf(List<String> calls, String part) {
		for (int i = calls.size() - 1; i >= 0; i--) {
			if (calls.get(i).contains(part)) {
				return i;
			}
		}
		return -1;
	}

}
