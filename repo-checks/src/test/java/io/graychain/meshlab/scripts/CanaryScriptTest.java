package io.graychain.meshlab.scripts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/canary: a thin, shellcheck-clean wrapper of meshlab canary (the command: CanaryCommandTest; in a
 * running lab: chain-tests' LabCanaryTest).
 */
class CanaryScriptTest {

	private static final Path SCRIPT = Tools.repo().resolve("scripts/canary");

	@TempDir
	Path dir;

	@Test
	void isShellcheckClean() {
		ScriptRun run = ScriptRun.run(Tools.onPath("shellcheck"), Map.of(), Duration.ofSeconds(30), SCRIPT.toString());
		assertThat(run.exit()).as(run.toString()).isZero();
	}

	@Test
	void helpShowsUsageAndNoServiceIsBadInput() {
		ScriptRun help = ScriptRun.run(SCRIPT, Tools.scriptEnv(Map.of()), Duration.ofSeconds(30), "--help");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).contains("Usage: meshlab canary").contains("--steps=W,W,...").contains("--max-p99=DURATION")
			.contains("--record-scrapes=DIR").contains("--cluster");
		ScriptRun none = ScriptRun.run(SCRIPT, Tools.scriptEnv(Map.of()), Duration.ofSeconds(30));
		assertThat(none.exit()).isEqualTo(2);
		assertThat(none.err()).contains("canary: Missing required parameter: 'SERVICE'");
	}

	@Test
	void withoutARunningLabItIsOneLineAndExitTwo() {
		ScriptRun run = ScriptRun.run(SCRIPT, Tools.scriptEnv(Map.of("GRAYCHAIN_LAB_STATE", dir.toString())),
				Duration.ofSeconds(30), "product");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).isEqualTo("canary: no lab runs (no " + dir.resolve("admin.port") + "): start one with scripts/lab up\n");
	}

}
