package io.graychain.chains.workshop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.graychain.support.test.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What makes a block pass or fail, on fixture blocks (workshop/runner.md) that need no lab. */
class GuideBlockRunnerTest {

	static final List<GuideBlock> BLOCKS = GuideModule.read(GuideModuleTest.fixture("runner.md")).blocks();

	@TempDir
	Path scratch;

	GuideBlockRunner runner() {
		return new GuideBlockRunner(Repository.root(), Map.of("GRAYCHAIN_LAB_STATE", "/tmp/the-lab"), scratch);
	}

	@Test
	void aBlockWhosePatternsAndExitHoldPasses() {
		assertThatCode(() -> runner().check(BLOCKS.get(0))).doesNotThrowAnyException();
		assertThatCode(() -> runner().check(BLOCKS.get(3))).as("exit 1, as its check says").doesNotThrowAnyException();
	}

	@Test
	void aMissingPatternFailsNamingTheBlockAndShowingTheOutput() {
		assertThatThrownBy(() -> runner().check(BLOCKS.get(1))).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("workshop/runner.md:8: no match for expect: appa:v1")
			.hasMessageContaining("--- output (last 40 lines):\nappa:v2 > appb:v2");
	}

	@Test
	void aForbiddenPatternFails() {
		assertThatThrownBy(() -> runner().check(BLOCKS.get(2))).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("workshop/runner.md:13: a match for expect-not: CROSSED");
	}

	@Test
	void anExitStatusOtherThanTheCheckedOneFails() {
		assertThatThrownBy(() -> runner().check(BLOCKS.get(4))).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("workshop/runner.md:25: exit 1, not 0");
	}

	@Test
	void aFailedCommandStopsTheBlockAsSetMinusEDoes() {
		assertThatThrownBy(() -> runner().check(BLOCKS.get(5))).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("workshop/runner.md:30: exit 1, not 0");
	}

	@Test
	void aBlockRunsFromTheRepositoryRootWithTheGivenVariablesAndStderrInItsOutput() {
		assertThatCode(() -> runner().check(BLOCKS.get(6))).doesNotThrowAnyException();
	}

	@Test
	void aBlockThatDoesNotEndInTimeIsStoppedAndFails() {
		assertThatThrownBy(() -> runner().check(BLOCKS.get(7))).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("workshop/runner.md:43: did not finish within 2 s")
			.hasMessageContaining("started");
	}

}
