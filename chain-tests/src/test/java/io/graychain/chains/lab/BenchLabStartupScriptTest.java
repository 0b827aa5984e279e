package io.graychain.chains.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.support.test.Repository;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/bench-lab --startup} on the three-pod overlay of {@link BenchLabScriptTest}, two ways
 * and no latency part: it starts its own labs (a class-archive way first makes the archives), prints
 * a row per way with a time and the memory summed, and leaves the class archives of the repository's
 * jars, which a lab the learner runs uses, as they were (its labs run copies of the jars). No figure
 * is judged.
 */
class BenchLabStartupScriptTest {

	static final Path REPO = Repository.root();

	static final String OVERLAY = "chain-tests/src/test/resources/lab/bench";

	@Test
	void measuresEachWayInItsOwnLabAndLeavesTheSharedArchivesAlone() throws IOException {
		String buildDir = System.getProperty("graychain.build.dir", "target");
		Path shared = REPO.resolve("appa").resolve(buildDir).resolve("class-archives").resolve("appa").resolve("stamp");
		Optional<Long> before = modified(shared);

		ScriptRun run = ScriptRun.run(REPO.resolve("scripts/bench-lab"), Map.of("GRAYCHAIN_BUILD_DIR", buildDir),
				Duration.ofSeconds(600), "--startup", "--overlay", OVERLAY, "--ways", "all,pool+cds", "--no-latency", "--lab-port",
				String.valueOf(FreePort.find()));

		assertThat(run.exit()).as(run.toString()).isZero();
		List<String> lines = run.outLines();
		assertThat(lines.get(0)).as(run.toString()).isEqualTo("| way of starting the pods (" + OVERLAY
				+ ") | ready after `lab up` (ms) | × all at once | daemon + pods, VmRSS (MiB) | daemon + pods, Pss (MiB) |");
		assertThat(lines.get(1)).isEqualTo("|---|---|---|---|---|");
		List<List<String>> rows = lines.subList(2, 5).stream().map(BenchLabScriptTest::cells).toList();
		assertThat(rows).extracting(r -> r.get(0)).containsExactly("first start after a build (pool+cds, makes the class archives)",
				"all: --start-concurrency all --no-class-archive", "pool+cds: --start-concurrency cores --class-archive");
		for (List<String> row : rows) {
			assertThat(row).as(row.toString()).hasSize(5);
			assertThat(Long.parseLong(row.get(1))).as("ready after (ms): " + row).isPositive();
			// three pods and the daemon: each JVM holds tens of MiB
			assertThat(Long.parseLong(row.get(3))).as("VmRSS: " + row).isGreaterThan(100);
			assertThat(Long.parseLong(row.get(4))).as("Pss: " + row).isPositive().isLessThanOrEqualTo(Long.parseLong(row.get(3)));
		}
		assertThat(rows.get(1).get(2)).as("the reference of its own run").isEqualTo("1.00");
		assertThat(Double.parseDouble(rows.get(2).get(2))).isPositive();
		assertThat(run.out()).contains("Machine: ").contains("load average");
		assertThat(modified(shared)).as("the archives beside the repository's jars").isEqualTo(before);
	}

	static Optional<Long> modified(Path file) throws IOException {
		return Files.exists(file) ? Optional.of(Files.getLastModifiedTime(file).toMillis()) : Optional.empty();
	}

}
