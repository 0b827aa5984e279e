package io.graychain.chains;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.graychain.support.test.Http;

/**
 * One service started from its runnable jar as its own process on a loopback port, with the
 * environment a pod would give it, stopped with the test. Start-up waits on the readiness
 * health group, bounded, and a service that does not get ready fails with its log tail.
 */
final class RunningService implements AutoCloseable {

	private static final Duration READY_WITHIN = Duration.ofSeconds(90);

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private RunningService(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts {@code service} as pod {@code <service>-<version>} and waits until it is ready. */
	static RunningService start(String service, String version, Map<String, String> properties) {
		RunningService running = launch(service, version, properties);
		running.awaitReady();
		return running;
	}

	/**
	 * Launches {@code service} as pod {@code <service>-<version>}, with extra Spring properties,
	 * without waiting: start several, then {@link #awaitReady()} each, so they boot in parallel.
	 */
	static RunningService launch(String service, String version, Map<String, String> properties) {
		Path jar = Path.of(System.getProperty("graychain.services.dir"), service + ".jar");
		Path logs = Path.of(System.getProperty("graychain.logs.dir"));
		int port = Http.closedPort();
		String pod = service + "-" + version;
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:TieredStopAtLevel=1", "-Xss512k",
				"-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Files.createDirectories(logs);
			Path log = logs.resolve(pod + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(Map.of("VERSION", version, "POD_NAME", pod, "POD_NAMESPACE", "chain-test"));
			return new RunningService(pod, builder.start(), port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	void awaitReady() {
		long deadline = System.nanoTime() + READY_WITHIN.toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			try {
				HttpResponse<String> health = Http.get(url() + "/actuator/health/readiness");
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (UncheckedIOException notYet) {
				// not listening yet
			}
			pause();
		}
		close();
		throw new IllegalStateException(name + " did not get ready within " + READY_WITHIN.toSeconds()
				+ " s; log tail:\n" + logTail());
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
