package io.graychain.meshlab.scripts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/explain: a thin, shellcheck-clean wrapper of meshlab explain (the command itself: ExplainCommandTest). */
class ExplainScriptTest {

	private static final Path SCRIPT = Tools.repo().resolve("scripts/explain");

	@Test
	void isShellcheckClean() {
		ScriptRun run = ScriptRun.run(Tools.onPath("shellcheck"), Map.of(), Duration.ofSeconds(30), SCRIPT.toString());
		assertThat(run.exit()).as(run.toString()).isZero();
	}

	@Test
	void helpShowsUsageAndNoArgumentsIsBadInput() {
		ScriptRun help = ScriptRun.run(SCRIPT, Tools.scriptEnv(Map.of()), Duration.ofSeconds(30), "--help");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).contains("--scenario=NAME|PATH").contains("--json").contains("docs/explain.md");
		ScriptRun none = ScriptRun.run(SCRIPT, Tools.scriptEnv(Map.of()), Duration.ofSeconds(30));
		assertThat(none.exit()).isEqualTo(2);
		assertThat(none.err()).contains("explain: Missing required option: '--host=HOST'");
	}

}
