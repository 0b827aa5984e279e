package io.graychain.meshlab.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scenario list|show|apply|remove|reset}: the routing scenarios of {@code istio/scenarios/}, and
 * the kubectl steps that put one in force on a cluster ({@link ApplyPlan}). {@code scripts/scenario}
 * runs it with {@code --kubectl-steps} and runs each step with kubectl; without it the steps are printed as
 * kubectl command lines (what {@code --dry-run} shows).
 */
@Command(name = "scenario", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Apply, remove and list the Istio routing scenarios of istio/scenarios/ on a cluster, make before break:"
				+ " DestinationRules (the subsets) first, wait until they exist, then the VirtualServices, a delegate before its root.",
		footer = { "%nExamples:", "  scripts/scenario list", "  scripts/scenario apply product-50-50",
				"  scripts/scenario --context kind-graychain apply weather-tester-cookie", "  scripts/scenario reset" })
public final class ScenarioCommand {

	/** What starts a line of {@code --kubectl-steps} output that is a kubectl run: {@code kubectl<TAB>failure<TAB>args...}. */
	public static final String STEP = "kubectl\t";

	@Option(names = "--namespace", paramLabel = "NS", defaultValue = "${env:GRAYCHAIN_NAMESPACE:-graychain}",
			description = "the namespace of the rules [GRAYCHAIN_NAMESPACE, default: ${DEFAULT-VALUE}]")
	String namespace;

	@Option(names = "--context", paramLabel = "CTX", defaultValue = "${env:GRAYCHAIN_CONTEXT:-}",
			description = "the kubectl context [GRAYCHAIN_CONTEXT, default: the current context]")
	String context;

	@Option(names = "--wait-timeout", paramLabel = "SECS", defaultValue = "${env:GRAYCHAIN_WAIT_TIMEOUT:-60}",
			description = "how long to wait for the DestinationRules [GRAYCHAIN_WAIT_TIMEOUT, default: ${DEFAULT-VALUE}]")
	int waitTimeout;

	@Option(names = "--gateway-api", defaultValue = "${env:GRAYCHAIN_GATEWAY_API:-false}", fallbackValue = "true",
			description = "apply/remove the scenario's Kubernetes Gateway API twin instead [GRAYCHAIN_GATEWAY_API=true]")
	boolean gatewayApi;

	@Option(names = "--dry-run", defaultValue = "${env:GRAYCHAIN_DRY_RUN:-false}", fallbackValue = "true",
			description = "print the kubectl commands instead of running them [GRAYCHAIN_DRY_RUN=true]")
	boolean dryRun;

	@Option(names = "--kubectl-steps", hidden = true, description = "print the steps for scripts/scenario to run")
	boolean steps;

	@Option(names = "--repo", paramLabel = "DIR", defaultValue = "${env:GRAYCHAIN_REPO:-.}",
			description = "the repository root, holding istio/ [GRAYCHAIN_REPO, default: .; the scripts set it]")
	Path repo;

	private final PrintStream out = System.out;

	ApplyPlan plan() {
		return new ApplyPlan(repo.toAbsolutePath().normalize().resolve("istio"));
	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "Each scenario with its one-line goal.")
	void list() {
		for (Scenario scenario : Scenario.all(plan().scenarios())) {
			out.printf("%-24s %s%n", scenario.name(), goal(scenario));
		}
	}

	@Command(name = "show", mixinStandardHelpOptions = true, description = "Print the scenario's README.")
	void show(@Parameters(paramLabel = "NAME") String name) throws IOException {
		out.print(Files.readString(plan().scenario(name).dir().resolve("README.md")));
	}

	@Command(name = "apply", mixinStandardHelpOptions = true,
			description = "Apply a scenario: DestinationRules first, wait, then its VirtualServices; rules of any other scenario are put back to the baseline.")
	void apply(@Parameters(paramLabel = "NAME") String name) {
		ApplyPlan plan = plan();
		Scenario scenario = plan.scenario(name);
		if (gatewayApi) {
			run(plan.applyGatewayApi(scenario));
			return;
		}
		out.println("# " + scenario.name() + ": " + goal(scenario));
		run(plan.apply(scenario));
	}

	@Command(name = "remove", mixinStandardHelpOptions = true,
			description = "Remove exactly what the scenario applied: its replaced rules go back to the baseline, the rules it added are deleted.")
	void remove(@Parameters(paramLabel = "NAME") String name) {
		ApplyPlan plan = plan();
		Scenario scenario = plan.scenario(name);
		run(gatewayApi ? plan.removeGatewayApi(scenario) : plan.remove(scenario));
	}

	@Command(name = "reset", mixinStandardHelpOptions = true, description = "Back to the all-v1 baseline: every scenario removed.")
	void reset() {
		run(plan().reset());
	}

	/** Prints the steps: for scripts/scenario to run ({@code --kubectl-steps}), or as command lines. */
	private void run(List<ApplyPlan.Step> plan) {
		if (waitTimeout <= 0) {
			throw new IllegalArgumentException("--wait-timeout needs a number of seconds, got " + waitTimeout);
		}
		for (ApplyPlan.Step step : plan) {
			List<String> args = kubectlArgs(step);
			if (steps && !dryRun) {
				out.println(STEP + step.failure(waitTimeout) + "\t" + String.join("\t", args));
			}
			else {
				String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
				out.println(kubectl + " " + String.join(" ", args));
			}
		}
	}

	/** kubectl's arguments for a step, with the namespace and context. */
	List<String> kubectlArgs(ApplyPlan.Step step) {
		List<String> args = new ArrayList<>(List.of("--namespace", namespace));
		if (!context.isBlank()) {
			args.addAll(List.of("--context", context));
		}
		args.addAll(step.kubectlArgs(waitTimeout));
		return args;
	}

	static String goal(Scenario scenario) {
		if (Files.isRegularFile(scenario.expectationFile())) {
			return scenario.expectation().goal();
		}
		try {
			return Files.readAllLines(scenario.dir().resolve("README.md")).stream().findFirst().orElse("").replaceFirst("^#\\s*", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
