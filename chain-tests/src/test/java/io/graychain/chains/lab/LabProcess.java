package io.graychain.chains.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.graychain.meshlab.lab.client.LabClient;
import io.graychain.meshlab.lab.daemon.Lab;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.RulesSource;

import static org.assertj.core.api.Assertions.fail;

/**
 * The lab daemon ({@code meshlab daemon}, what {@code scripts/lab up} starts) as a process of this
 * test's classpath, over the runnable jars the build copied, on loopback ports; talked to through
 * its admin endpoint with the lab's token, as {@code scripts/lab} does. Its PATH holds only the JDK. Every wait is bounded.
 */
final class LabProcess implements AutoCloseable {

	/** How long the lab may take to get ready: 240 s, more on a loaded machine with -Dgraychain.lab.ready-seconds=N. */
	private static final Duration READY_WITHIN = Duration.ofSeconds(Integer.getInteger("graychain.lab.ready-seconds", 240));

	private final Process daemon;

	private final Path state;

	private final Path repo;

	private LabProcess(Process daemon, Path state, Path repo) {
		this.daemon = daemon;
		this.state = state;
		this.repo = repo;
	}

	static LabProcess start(Path repo, String overlay, Path state, int ingressPort) {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				"io.graychain.meshlab.cli.Meshlab", "daemon", "--repo", repo.toString(), "--overlay", overlay, "--lab-state",
				state.toString(), "--lab-port", String.valueOf(ingressPort), "--jars-dir", System.getProperty("graychain.services.dir"),
				"--ready-timeout", String.valueOf(READY_WITHIN.toSeconds() - 10));
		try {
			Files.createDirectories(state);
			Files.deleteIfExists(state.resolve("admin.port"));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(state.resolve("lab.log").toFile());
			onlyJava(builder);
			Process process = builder.start();
			LabProcess lab = new LabProcess(process, state, repo);
			lab.awaitReady();
			return lab;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + READY_WITHIN.toNanos();
		String last = "no admin endpoint yet";
		while (System.nanoTime() < deadline && daemon.isAlive()) {
			if (Files.isRegularFile(state.resolve("admin.port"))) {
				OneShotHttp.Reply ready = client().get("/ready");
				if (ready.ok()) {
					return;
				}
				last = ready.body();
				if (last.startsWith(Lab.EXITED)) {
					break;
				}
			}
			pause();
		}
		String log = log();
		close();
		fail("the lab did not get ready (" + last + "); lab log:\n" + log);
	}

	Path stateDir() {
		return state;
	}

	LabClient client() {
		return new LabClient(state);
	}

	/** Applies a scenario by name, or a YAML file, as {@code scripts/lab apply} does. */
	OneShotHttp.Reply apply(String nameOrPath) {
		return client().apply(RulesSource.resolve(nameOrPath, repo.resolve("istio/scenarios")));
	}

	/** Applies scenario {@code name}'s Gateway API twin, as {@code scripts/lab apply --gateway-api} does. */
	OneShotHttp.Reply applyGatewayApi(String name) {
		return client().applyGatewayApi(RulesSource.resolveGatewayApi(name, repo.resolve("istio/scenarios")));
	}

	/** A state-changing admin call with the lab's token, e.g. {@code /set-env}; waits as long as a pod may take. */
	OneShotHttp.Reply post(String path, String body) {
		return client().post(path, body, READY_WITHIN);
	}

	OneShotHttp.Reply reset() {
		return client().post("/reset", "");
	}

	String status() {
		return client().get("/status").body();
	}

	/** The processes started with this lab's marker that still run. */
	List<ProcessHandle> leftovers() {
		// the trailing space: a lab in target/lab is not one in target/lab-canary
		String marker = "-Dgraychain.lab=" + state.toAbsolutePath().normalize() + " ";
		return ProcessHandle.allProcesses()
			.filter(p -> p.info().commandLine().map(c -> (c + " ").contains(marker)).orElse(false))
			.toList();
	}

	/** Shuts the lab down as {@code scripts/lab down} does, and waits (bounded) until the daemon exited. */
	boolean shutDown(Duration within) throws InterruptedException {
		if (daemon.isAlive()) {
			client().post("/shutdown", "");
		}
		return daemon.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	String log() {
		try (Stream<String> lines = Files.lines(state.resolve("lab.log"))) {
			return String.join("\n", lines.toList());
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no lab log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		daemon.destroy();
		try {
			if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
				daemon.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		leftovers().forEach(ProcessHandle::destroyForcibly);
	}

	/** The lab gets a PATH holding nothing but the JDK: it must not need kubectl, or any other tool. */
	private static void onlyJava(ProcessBuilder builder) {
		builder.environment().remove("KUBECTL");
		builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin").toString());
	}

	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
