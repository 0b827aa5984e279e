package io.graychain.chains.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.graychain.chains.lab.Chance;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.support.test.Repository;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workshop guide cannot rot: ONE lab ({@code scripts/lab up}, as the setup module starts it, on
 * a free loopback port and its own state folder), then every {@code bash run} block of every module,
 * English then Chinese, in order, run with bash from the repository root with the scripts pointed at
 * this lab ({@code GRAYCHAIN_LAB_STATE}, {@code GRAYCHAIN_LAB_PORT}, {@code GATEWAY_URL}, ...), each
 * bounded in time, its output checked against the block's patterns and its exit status. Every
 * {@code bash cluster} block runs the same way with {@code KUBECTL} a test double whose mesh is this
 * lab ({@link KubectlOnTheLab}). The
 * convention is docs/workshop/README.md's; the two languages having the same blocks is
 * {@link WorkshopGuideShapeTest}'s.
 */
class WorkshopGuideTest {

	static final Path REPO = Repository.root();

	/** The modules of the lab services, whose runnable jars {@code scripts/lab up} runs. */
	static final List<String> LAB_MODULES = List.of("meshlab", "appa", "appb", "product", "frontend", "forecast",
			"recommendation");

	static final Duration LAB_UP_WITHIN = Duration.ofSeconds(300);

	static String buildDir;

	static Path state;

	static int port;

	static KubectlOnTheLab cluster;

	@BeforeAll
	static void labUp() throws IOException {
		buildDir = System.getProperty("graychain.build.dir", "target");
		for (String module : LAB_MODULES) {
			try (Stream<Path> files = Files.list(REPO.resolve(module).resolve(buildDir))) {
				assertThat(files.map(f -> f.getFileName().toString()))
					.as("%s's runnable jar in %s/%s, packaged before chain-tests (./mvnw verify); without it scripts/lab would build it",
							module, module, buildDir)
					.anyMatch(name -> name.matches(module + "-.*-exec\\.jar"));
			}
		}
		state = Path.of(System.getProperty("graychain.services.dir")).getParent().resolve("workshop-lab");
		Files.createDirectories(state);
		port = FreePort.find();
		ScriptRun up = ScriptRun.run(REPO.resolve("scripts/lab"), environment(), LAB_UP_WITHIN, "up");
		assertThat(up.exit()).as("scripts/lab up: %s\nlab log:\n%s", up, GuideBlockRunner.tail(read(state.resolve("lab.log")), 60)).isZero();
		cluster = KubectlOnTheLab.start(state.resolve("kubectl-double"), state, port);
	}

	@AfterAll
	static void labDown() {
		if (state == null) {
			return;
		}
		try {
			ScriptRun.run(REPO.resolve("scripts/lab"), environment(), Duration.ofSeconds(120), "down");
		}
		finally {
			// what a lab killed hard would leave: its pods, found by the marker the lab starts them with
			String marker = "-Dgraychain.lab=" + state.toAbsolutePath().normalize() + " ";
			ProcessHandle.allProcesses()
				.filter(p -> p.info().commandLine().map(c -> (c + " ").contains(marker)).orElse(false))
				.forEach(ProcessHandle::destroyForcibly);
		}
	}

	@TestFactory
	Stream<DynamicNode> everyRunnableBlockOfTheGuideHoldsInTheLab() {
		List<DynamicNode> modules = new ArrayList<>();
		for (String language : WorkshopGuideShapeTest.LANGUAGES) {
			for (GuideModule module : GuideModule.all(WorkshopGuideShapeTest.GUIDE.resolve(language))) {
				String waitsFor = WorkshopGuideShapeTest.WAITING.get(module.name());
				if (waitsFor != null) {
					modules.add(DynamicTest.dynamicTest(language + "/" + module.name() + " waits for " + waitsFor,
							() -> assertThat(REPO.resolve(waitsFor))
								.as("%s exists now: take %s out of WorkshopGuideShapeTest.WAITING so that its blocks run", waitsFor,
										module.name())
								.doesNotExist()));
					continue;
				}
				GuideBlockRunner lab = new GuideBlockRunner(REPO, environment(), state);
				GuideBlockRunner kubectl = new GuideBlockRunner(REPO, cluster.environment(environment(), REPO), state);
				List<DynamicTest> blocks = new ArrayList<>();
				for (GuideBlock block : module.blocks()) {
					String name = block.where() + " " + firstLine(block.code());
					switch (block.kind()) {
						case RUN -> blocks.add(DynamicTest.dynamicTest(name, () -> lab.check(block)));
						case CLUSTER -> blocks.add(DynamicTest.dynamicTest(name + " (kubectl: a test double on the lab)",
								() -> kubectl.check(block)));
						case CLUSTER_SETUP -> {
							// checked by WorkshopGuideShapeTest, run by no test: no double makes a cluster
						}
					}
				}
				if (module.blocks().stream().anyMatch(b -> b.kind() == GuideBlock.Kind.CLUSTER)) {
					blocks.add(DynamicTest.dynamicTest(language + "/" + module.name() + ": the double's rules forgotten, the lab back to its baseline",
							WorkshopGuideTest::baseline));
				}
				modules.add(DynamicContainer.dynamicContainer(language + "/" + module.name(), blocks));
			}
		}
		return modules.stream();
	}

	/** After a module's cluster blocks: the next module starts from the lab's baseline, as every module does. */
	static void baseline() throws IOException {
		cluster.forgetRules();
		ScriptRun reset = ScriptRun.run(REPO.resolve("scripts/lab"), environment(), Duration.ofSeconds(60), "reset");
		assertThat(reset.exit()).as(reset.toString()).isZero();
	}

	/**
	 * What a block's scripts see: this test's lab, wherever the guide says the default lab is, and
	 * {@code scripts/verify}'s false-failure chance lowered from a learner's 1/1,000 per run to 1/1,000,000
	 * (the guide runs it about 15 times; see {@link Chance}).
	 */
	static Map<String, String> environment() {
		String timeout = String.valueOf(LAB_UP_WITHIN.toSeconds() - 30);
		return Map.of("GRAYCHAIN_LAB_STATE", state.toString(), "GRAYCHAIN_LAB_PORT", String.valueOf(port),
				"GRAYCHAIN_BUILD_DIR", buildDir, "GRAYCHAIN_READY_TIMEOUT", timeout, "GRAYCHAIN_ALPHA", String.valueOf(Chance.ALPHA),
				"GATEWAY_URL", "http://127.0.0.1:" + port);
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "(no " + file.getFileName() + ")";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String firstLine(String code) {
		return code.lines().findFirst().orElse("");
	}

}
