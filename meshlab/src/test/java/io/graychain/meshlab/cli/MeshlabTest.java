package io.graychain.meshlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** meshlab's command line as picocli parses it: help, commands, and bad input as one line with exit 2. */
class MeshlabTest {

	record Result(int exit, String out, String err) {
	}

	static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine line = Meshlab.commandLine();
		line.setOut(new PrintWriter(out, true));
		line.setErr(new PrintWriter(err, true));
		int exit = line.execute(args);
		return new Result(exit, out.toString(), err.toString());
	}

	@Test
	void helpListsEveryCommand() {
		Result help = run("--help");

		assertThat(help.exit()).isZero();
		assertThat(help.out()).startsWith("Usage: meshlab ");
		assertThat(help.out()).contains("lab", "daemon", "loop", "verify", "render", "scenario", "explain", "canary");
	}

	@Test
	void everyCommandHasHelpWithItsEnvironmentVariables() {
		assertThat(run("loop", "--help").out()).contains("-n, --count=N").contains("GRAYCHAIN_COUNT").contains("--lab-state")
			.contains("GRAYCHAIN_LAB_STATE").contains("--namespace").contains("GRAYCHAIN_NAMESPACE");
		assertThat(run("verify", "--help").out()).contains("--samples=N").contains("GRAYCHAIN_SAMPLES").doesNotContain("-n,");
		assertThat(run("daemon", "--help").out()).contains("--lab-port=PORT").contains("GRAYCHAIN_LAB_PORT")
			.contains("--ready-timeout=SECS");
		assertThat(run("scenario", "--help").out()).contains("--wait-timeout=SECS").contains("GRAYCHAIN_WAIT_TIMEOUT")
			.doesNotContain("--kubectl-steps");
		assertThat(run("lab", "cluster-url", "--help").out()).contains("--ingress-service=NAME");
		assertThat(run("lab", "--help").out()).contains("--lab-port=PORT").contains("up").contains("down").contains("cluster-lanes");
	}

	@Test
	void badInputIsOneLineAndExitTwo() {
		for (String[] args : new String[][] { { "frobnicate" }, { "loop", "--frobnicate" }, { "loop", "--count", "x" },
				{ "verify" }, { "scenario", "--wait-timeout" }, {} }) {
			Result result = run(args);

			assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(Meshlab.USAGE);
			assertThat(result.out()).isEmpty();
			assertThat(result.err().lines()).as(result.err()).singleElement().asString().contains("--help")
				.doesNotContain("Exception").doesNotContain("\tat ");
		}
		assertThat(run("loop", "--count", "x").err()).startsWith("loop: ").contains("'x'");
	}

	@Test
	void aCommandsOwnRefusalIsOneLineToo() {
		Result result = run("scenario", "apply", "no-such-scenario", "--help");
		assertThat(result.exit()).isZero();

		Result refused = run("verify", "--repo", "/nonexistent", "no-such-scenario");
		assertThat(refused.exit()).isEqualTo(Meshlab.USAGE);
		assertThat(refused.err()).isEqualTo("verify: no scenario with an expect.yaml at /nonexistent/istio/scenarios/no-such-scenario"
				+ " (scripts/scenario list shows them)\n");
	}

}
