package io.graychain.meshlab.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.graychain.meshlab.scenario.RuleFile;
import io.graychain.meshlab.scenario.Scenario;
import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/scenario: shellcheck clean, and its kubectl commands (--dry-run) make before break. */
class ScenarioScriptTest {

	private static final Path SCRIPT = Tools.repo().resolve("scripts/scenario");

	record Run(int exit, List<String> lines) {
	}

	static Run run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Tools.onPath("bash").toString(), SCRIPT.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().remove("KUBECTL");
		builder.environment().putAll(Tools.scriptEnv(Map.of()));
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), out.lines().toList());
	}

	static Stream<Scenario> scenarios() {
		return Scenario.all(Tools.repo().resolve("istio/scenarios")).stream();
	}

	@Test
	void isShellcheckClean() throws Exception {
		Process process = new ProcessBuilder(Tools.onPath("shellcheck").toString(), SCRIPT.toString()).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(out).isZero();
	}

	@Test
	void listsEveryScenarioWithItsGoal() throws Exception {
		Run list = run("list");
		assertThat(list.exit()).isZero();
		assertThat(list.lines()).hasSameSizeAs(scenarios().toList());
		scenarios().forEach(s -> assertThat(list.lines()).anySatisfy(
				line -> assertThat(line).startsWith(s.name() + " ").contains(s.expectation().goal())));
	}

	@Test
	void refusesUnknownScenariosAndCommands() throws Exception {
		assertThat(run("apply", "nope").exit()).isNotZero();
		Run unknown = run("frobnicate");
		assertThat(unknown.exit()).isEqualTo(2);
		assertThat(unknown.lines()).singleElement().asString().contains("'frobnicate'").contains("--help");
		assertThat(run().exit()).isEqualTo(2);
		assertThat(run().lines()).singleElement().asString().contains("a command is missing: ").contains("apply").contains("reset");
		assertThat(run("--help").lines()).anySatisfy(l -> assertThat(l).contains("--namespace"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void applyCreatesSubsetsFirstThenTheScenariosRules(Scenario scenario) throws Exception {
		List<String> lines = run("--dry-run", "--namespace", "demo", "--context", "lab", "apply", scenario.name()).lines();
		int lastRule = -1;
		for (Path file : scenario.istioFiles()) {
			int applied = lines.indexOf("kubectl --namespace demo --context lab apply -f " + file);
			assertThat(applied).as(file + " applied").isPositive();
			lastRule = Math.max(lastRule, applied);
		}
		int lastWait = lines.stream().filter(l -> l.contains(" wait --for=create -f ")).mapToInt(lines::indexOf).max().orElseThrow();
		// a scenario's own DestinationRules (a circuit breaker, outlier detection) go with the shared ones
		List<String> ownSubsets = scenario.istioFiles().stream().filter(f -> RuleFile.read(f).isDestinationRule())
			.map(Path::toString).toList();
		int firstRule = lines.stream().filter(l -> l.contains("/scenarios/") && ownSubsets.stream().noneMatch(l::contains))
			.mapToInt(lines::indexOf).min().orElseThrow();
		assertThat(lastWait).as("DestinationRules exist before any VirtualService").isLessThan(firstRule);
		assertThat(lines.subList(firstRule, lines.size())).noneMatch(l -> l.contains("destination-rules"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void removeTouchesExactlyWhatApplyApplied(Scenario scenario) throws Exception {
		List<String> lines = run("--dry-run", "remove", scenario.name()).lines();
		assertThat(lines).hasSameSizeAs(scenario.istioFiles());
		assertThat(lines).allMatch(l -> l.contains("/istio/baseline/virtual-service-") || l.contains(" delete -f " + scenario.dir()));
	}

}
