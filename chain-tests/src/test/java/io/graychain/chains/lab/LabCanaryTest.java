package io.graychain.chains.lab;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.support.test.Repository;
import io.graychain.support.test.ScriptRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code scripts/canary} against a running two-pod lab (product v1 and v2): a healthy v2 is promoted
 * step by step, a v2 failing 30 % of its requests ({@code scripts/lab set-env}) is rolled back at the
 * first step, Ctrl-C (SIGINT) puts back the rules in force before, and bad input changes no rule. The
 * steps are short and the load bounded (20 requests a second for a few seconds); the verdicts hold
 * on a loaded machine: a 30 %-failing v2 answers ~30 requests a step without a failure once in 40,000
 * runs, and a step no request reached fails too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabCanaryTest {

	static final Path REPO = Repository.root();

	static final Duration ROLLOUT = Duration.ofSeconds(180);

	static final Duration RUN_WITHIN = Duration.ofSeconds(240);

	/** Short steps with a bounded load; a p99 bound no cold JVM on a loaded machine exceeds. */
	static final String[] SHORT = { "--steps", "50,100", "--interval", "4s", "--load", "20", "--max-p99", "10s" };

	static LabProcess lab;

	@TempDir
	Path dir;

	@BeforeAll
	static void up() {
		Path state = Path.of(System.getProperty("graychain.services.dir")).getParent().resolve("lab-canary");
		lab = LabProcess.start(REPO, "chain-tests/src/test/resources/lab/product-v1-v2", state, FreePort.find());
	}

	@AfterAll
	static void down() {
		if (lab != null) {
			lab.close();
		}
	}

	@AfterEach
	void baseline() {
		lab.reset();
	}

	@Test
	@Order(1)
	void aHealthyV2IsPromotedStepByStep() {
		ScriptRun run = canary(Map.of(), concat("product", SHORT));

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.outLines()).first().asString().startsWith("canary: product v1 -> v2 in the lab, steps 50,100, 4s each");
		assertThat(run.out()).containsPattern("step 1 \\(50%\\): requests [1-9][0-9]*, success rate 100\\.00%, p99 .*: pass")
			.containsPattern("step 2 \\(100%\\): requests [1-9][0-9]*, success rate 100\\.00%, p99 .*: pass")
			.contains("canary: promoted: all 2 steps passed, the canary has 100% of the traffic");
		assertThat(rulesInForce()).isEqualTo("canary product v2 at 100%");
		assertThat(answers(10)).containsOnly("product:v2");
	}

	@Test
	@Order(2)
	void aV2FailingThirtyPercentIsRolledBackAtTheFirstStep() {
		lab.client().setEnv("product-v2", List.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30"), ROLLOUT);
		try {
			ScriptRun run = canary(Map.of(), concat("product", SHORT));

			assertThat(run.exit()).as(run.toString()).isEqualTo(1);
			assertThat(run.out()).containsPattern("step 1 \\(50%\\): .*: FAIL: success rate ")
				.contains("canary: rolled back at step 1 (50%): ")
				.contains("the stable version has 100% of the traffic")
				.doesNotContain("step 2");
			assertThat(rulesInForce()).isEqualTo("canary product v2 at 0%");
			assertThat(answers(10)).containsOnly("product:v1");
		}
		finally {
			lab.client().setEnv("product-v2", List.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT-"), ROLLOUT);
		}
	}

	@Test
	@Order(3)
	void ctrlCPutsBackTheRulesInForceBefore() throws IOException, InterruptedException {
		assertThat(lab.apply("product-50-50").status()).isEqualTo(200);
		Path out = dir.resolve("canary.out");
		ProcessBuilder builder = new ProcessBuilder(REPO.resolve("scripts/canary").toString(), "product", "--steps", "10,100",
				"--interval", "10m", "--load", "5")
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true)
			.redirectOutput(out.toFile());
		builder.environment().putAll(environment());
		Process canary = builder.start();
		try {
			awaitRules("canary product v2 at 10%", canary, out);
			canary.descendants().forEach(LabCanaryTest::assertSigintNotIgnored);

			// what a terminal's Ctrl-C does: SIGINT to the script and the JVM it runs
			List<String> kill = new ArrayList<>(List.of("kill", "-INT", String.valueOf(canary.pid())));
			canary.descendants().forEach(p -> kill.add(String.valueOf(p.pid())));
			assertThat(new ProcessBuilder(kill).start().waitFor(10, TimeUnit.SECONDS)).isTrue();

			assertThat(canary.waitFor(RUN_WITHIN.toSeconds(), TimeUnit.SECONDS)).as(Files.readString(out)).isTrue();
			assertThat(canary.exitValue()).as(Files.readString(out)).isEqualTo(130);
			assertThat(Files.readString(out)).contains("canary: interrupted; the rules in force before are back");
			assertThat(rulesInForce()).isEqualTo("product-50-50");
		}
		finally {
			canary.descendants().forEach(ProcessHandle::destroyForcibly);
			canary.destroyForcibly();
		}
	}

	@Test
	@Order(4)
	void badInputIsOneLineAndChangesNoRule() {
		assertThat(lab.apply("product-50-50").status()).isEqualTo(200);

		assertRefused(canary(Map.of(), "nothing", "--no-load"), "canary: the lab has no service 'nothing' (it has ");
		assertRefused(canary(Map.of(), "appa", "--no-load"),
				"canary: the lab has no DestinationRule for appa: no subsets v1 and v2 to shift between");
		assertRefused(canary(Map.of(), "product", "--steps", "50,25,100"), "canary: steps must rise: 25 after 50");
		assertRefused(canary(Map.of(), "product", "--steps", "10,50"), "canary: steps must end at 100");
		assertRefused(canary(Map.of("GRAYCHAIN_LAB_STATE", dir.resolve("no-lab").toString()), "product"),
				"canary: no lab runs (no ");
		assertThat(rulesInForce()).isEqualTo("product-50-50");
	}

	/**
	 * A process started with SIGINT ignored keeps it ignored (POSIX exec), and a JVM then never hears
	 * Ctrl-C: that is the case when this test's JVM was started by a shell in the background without job
	 * control ({@code mvn ... &} in a script). Said as such rather than as a canary that did not stop.
	 */
	private static void assertSigintNotIgnored(ProcessHandle process) {
		try {
			String ignored = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
				.filter(l -> l.startsWith("SigIgn:")).findFirst().orElse("SigIgn: 0").substring("SigIgn:".length()).strip();
			assertThat(Long.parseUnsignedLong(ignored, 16) & 0x2)
				.as("SIGINT is ignored by %s, inherited from this test's JVM (started in the background without job control): "
						+ "no Ctrl-C can reach the canary", process.info().command().orElse("pid " + process.pid()))
				.isZero();
		}
		catch (IOException ex) {
			// the process ended meanwhile, or no /proc: the signal's effect below says the rest
		}
	}

	private static void assertRefused(ScriptRun run, String start) {
		assertThat(run.exit()).as(run.toString()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err().lines().toList()).as(run.toString()).hasSize(1).first().asString().startsWith(start);
	}

	private static ScriptRun canary(Map<String, String> env, String... args) {
		Map<String, String> all = new HashMap<>(environment());
		all.putAll(env);
		return ScriptRun.run(REPO.resolve("scripts/canary"), all, RUN_WITHIN, args);
	}

	private static Map<String, String> environment() {
		return Map.of("GRAYCHAIN_BUILD_DIR", System.getProperty("graychain.build.dir", "target"), "GRAYCHAIN_LAB_STATE",
				lab.stateDir().toString());
	}

	/** The name of the rules in force, as {@code scripts/lab status} shows it. */
	private static String rulesInForce() {
		return lab.status().lines().filter(l -> l.startsWith("rules in force: ")).findFirst().orElseThrow()
			.substring("rules in force: ".length()).replaceFirst(" \\(since [^)]*\\)$", "");
	}

	private static void awaitRules(String name, Process canary, Path out) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + RUN_WITHIN.toNanos();
		while (System.nanoTime() < deadline && canary.isAlive()) {
			if (rulesInForce().equals(name)) {
				return;
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
		fail("the rules " + name + " never came in force; rules in force: " + rulesInForce() + "; canary printed:\n"
				+ Files.readString(out));
	}

	/** What {@code count} requests for the product page through the lab's ingress gateway answered. */
	private static List<String> answers(int count) {
		URI ingress = URI.create(lab.client().ingressUrl());
		return IntStream.range(0, count)
			.mapToObj(i -> OneShotHttp.get(new InetSocketAddress(ingress.getHost(), ingress.getPort()), "/product",
					"product.graychain.local", Map.of(), Duration.ofSeconds(20)).body().strip())
			.toList();
	}

	private static String[] concat(String first, String... rest) {
		return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
	}

}
