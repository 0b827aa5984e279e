package io.graychain.chains.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.support.test.Repository;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/bench-lab} against a running lab of appa, appb and product (v1), with the smallest
 * counts it takes (one connection, one second a run, no warm-up, 8 requests a hop): the Markdown
 * table it prints has every row, and each row measured answered requests. No figure is judged:
 * the benchmark's numbers are for the README, not for a test.
 */
class BenchLabScriptTest {

	static final Path REPO = Repository.root();

	static final String HEADER = "| measurement | connections | req/s | median ms | p99 ms | errors |";

	static LabProcess lab;

	@BeforeAll
	static void up() {
		Path state = Path.of(System.getProperty("graychain.services.dir")).getParent().resolve("lab-bench");
		lab = LabProcess.start(REPO, "chain-tests/src/test/resources/lab/bench", state, FreePort.find());
	}

	@AfterAll
	static void down() {
		if (lab != null) {
			lab.close();
		}
	}

	/** The cells of a table row, trimmed, without the empty ones outside the first and last {@code |}. */
	static List<String> cells(String row) {
		String inner = row.strip();
		assertThat(inner).as("a table row").startsWith("|").endsWith("|");
		return Arrays.stream(inner.substring(1, inner.length() - 1).split("\\|", -1)).map(String::strip).toList();
	}

	@Test
	void printsEveryMeasurementOfTheDataPlaneEachWithAnsweredRequests() {
		ScriptRun run = ScriptRun.run(REPO.resolve("scripts/bench-lab"),
				Map.of("GRAYCHAIN_LAB_STATE", lab.stateDir().toString(), "GRAYCHAIN_BUILD_DIR",
						System.getProperty("graychain.build.dir", "target")),
				Duration.ofSeconds(180), "--connections", "1", "--seconds", "1", "--warmup", "0", "--hop-requests", "8", "--uploads", "1",
				"--upload-mib", "1");

		assertThat(run.exit()).as(run.toString()).isZero();
		List<String> lines = run.outLines();
		assertThat(lines).as(run.toString()).hasSize(8);
		assertThat(lines.get(0)).isEqualTo(HEADER);
		assertThat(lines.get(1)).isEqualTo("|---|---|---|---|---|---|");
		assertThat(lines.stream().skip(2).limit(5).map(line -> cells(line).get(0))).containsExactly("appb directly",
				"appb through appa's sidecar", "added by one sidecar hop", "gateway → product", "gateway → appa → appb");
		assertThat(cells(lines.get(7)).get(0)).matches("gateway → product beside uploads \\(1 × 1 MiB at once: [1-9]\\d* answered, [1-9]\\d* MiB sent\\)");
		for (String line : List.of(lines.get(2), lines.get(3), lines.get(5), lines.get(6), lines.get(7))) {
			List<String> cells = cells(line);
			assertThat(cells).as(line).hasSize(6);
			assertThat(cells.get(1)).as("connections: " + line).isEqualTo("1");
			assertThat(Double.parseDouble(cells.get(2))).as("req/s: " + line).isPositive();
			assertThat(Double.parseDouble(cells.get(3))).as("median ms: " + line).isPositive();
			assertThat(Double.parseDouble(cells.get(4))).as("p99 ms: " + line).isGreaterThanOrEqualTo(Double.parseDouble(cells.get(3)));
			assertThat(cells.get(5)).as("errors of a healthy lab: " + line).isEqualTo("0");
		}
		List<String> added = cells(lines.get(4));
		assertThat(added).as(lines.get(4)).hasSize(6);
		assertThat(added.get(2)).as("no rate for a difference").isEmpty();
		assertThat(added.get(3)).as("median difference, signed").matches("[+-]\\d+\\.\\d\\d");
		assertThat(added.get(4)).as("p99 difference, signed").matches("[+-]\\d+\\.\\d\\d");
		assertThat(added.get(5)).isEmpty();
	}

}
