package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pod as a local process: the service's runnable jar with the pod's environment, listening on a
 * loopback port, sending its outbound HTTP through its sidecar ({@code -Dhttp.proxyHost}), logging
 * to a file. Ready when its readiness probe succeeds (200–399), as the kubelet decides. Once
 * {@link #supervise supervised}, a process that exits is started again after the kubelet's back-off
 * ({@link RestartBackoff}), until the pod is stopped.
 */
public final class PodProcess {

	/** How often a starting pod is probed: the lab is ready this much after its last pod at most. */
	static final Duration PROBE_PERIOD = Duration.ofMillis(50);

	/** The kubelet's default probe timeout ({@code timeoutSeconds: 1}). */
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

	private final PodSpec spec;

	private final int port;

	private final Path log;

	private final ProcessBuilder builder;

	private volatile Process process;

	private volatile boolean ready;

	private volatile boolean stopped;

	private volatile boolean backingOff;

	private final AtomicInteger restarts = new AtomicInteger();

	private PodProcess(PodSpec spec, int port, Path log, ProcessBuilder builder, Process process) {
		this.spec = spec;
		this.port = port;
		this.log = log;
		this.builder = builder;
		this.process = process;
	}

	/**
	 * Starts the pod behind its sidecar: outbound HTTP goes through the proxy at {@code sidecarPort}.
	 * {@code marker} is added as {@code -Dgraychain.lab=<marker>} so that the processes of one lab can
	 * be told apart from every other process.
	 */
	public static PodProcess start(PodSpec spec, Path jar, int port, int sidecarPort, Path logs, List<String> jvmFlags,
			String marker) {
		List<String> flags = new ArrayList<>(jvmFlags);
		flags.addAll(List.of("-Dgraychain.lab=" + marker, "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + sidecarPort));
		return start(spec, jar, port, logs, flags);
	}

	/** Starts the pod without a sidecar: it calls its downstreams at the URLs its environment gives. */
	public static PodProcess start(PodSpec spec, Path jar, int port, Path logs, List<String> jvmFlags) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmFlags);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
		try {
			Files.createDirectories(logs);
			Path log = logs.resolve(spec.name() + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(spec.env());
			Process first = builder.start();
			// a restarted process writes on after the last one, as kubectl logs --previous would show
			builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			return new PodProcess(spec, port, log, builder, first);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + spec.name() + ": " + ex.getMessage(), ex);
		}
	}

	/** Waits until the readiness probe succeeds; fails with the log tail when the pod exits or time runs out. */
	public void awaitReady(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new PodFailure(spec.name() + " exited with status " + process.exitValue() + " before it got ready",
						logTail(40));
			}
			if (probe()) {
				ready = true;
				return;
			}
			pause(PROBE_PERIOD.toMillis());
		}
		throw new PodFailure(spec.name() + " did not get ready within " + within.toSeconds() + " s", logTail(40));
	}

	/** True when the readiness probe succeeds now ({@link HttpProbe}: 200–399, as the kubelet's). */
	public boolean probe() {
		return HttpProbe.ready(port, spec.readinessPath(), PROBE_TIMEOUT);
	}

	/**
	 * From now on, restarts the process whenever it exits, after {@code backoff}'s delay, and probes
	 * it until it is ready again; {@code onRestart} hears of each new process (its pid changed).
	 */
	public void supervise(RestartBackoff backoff, ScheduledExecutorService timer, Runnable onRestart) {
		watch(process, backoff, timer, onRestart);
	}

	private void watch(Process watched, RestartBackoff backoff, ScheduledExecutorService timer, Runnable onRestart) {
		watched.onExit().thenRun(() -> {
			Instant finished = Instant.now();
			synchronized (this) {
				if (stopped || watched != process) {
					return;
				}
				ready = false;
				backingOff = true;
			}
			timer.schedule(() -> restart(finished, backoff, timer, onRestart), backoff.delay(finished).toMillis(),
					TimeUnit.MILLISECONDS);
		});
	}

	private void restart(Instant finished, RestartBackoff backoff, ScheduledExecutorService timer, Runnable onRestart) {
		Process started;
		synchronized (this) {
			if (stopped) {
				return;
			}
			backoff.restarted(finished, Instant.now());
			try {
				started = builder.start();
			}
			catch (IOException ex) {
				// cannot start (the jar went away): try again after the next back-off, as the kubelet would
				backingOff = false;
				timer.schedule(() -> restart(Instant.now(), backoff, timer, onRestart), backoff.delay(Instant.now()).toMillis(),
						TimeUnit.MILLISECONDS);
				return;
			}
			process = started;
			backingOff = false;
			restarts.incrementAndGet();
		}
		onRestart.run();
		watch(started, backoff, timer, onRestart);
		probeUntilReady(started, timer);
	}

	private void probeUntilReady(Process probed, ScheduledExecutorService timer) {
		timer.schedule(() -> {
			if (stopped || probed != process || !probed.isAlive()) {
				return;
			}
			if (probe()) {
				ready = true;
			}
			else {
				probeUntilReady(probed, timer);
			}
		}, 250, TimeUnit.MILLISECONDS);
	}

	/** Stops the pod as the kubelet does: SIGTERM, the grace period, then SIGKILL; no restart after. */
	public void stop(Duration grace) {
		Process process;
		synchronized (this) {
			stopped = true;
			process = this.process;
		}
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	/** The last {@code lines} lines of the pod's log. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	public String url() {
		return "http://127.0.0.1:" + port;
	}

	public PodSpec spec() {
		return spec;
	}

	public int port() {
		return port;
	}

	public long pid() {
		return process.pid();
	}

	public boolean alive() {
		return process.isAlive();
	}

	public boolean ready() {
		return ready && process.isAlive();
	}

	/** How many times the process was started again after it exited. */
	public int restarts() {
		return restarts.get();
	}

	/** {@code ready}, {@code start} (not ready yet), {@code backoff} (exited, waiting to be restarted), {@code exited}. */
	public String state() {
		return ready() ? "ready" : process.isAlive() ? "start" : backingOff ? "backoff" : "exited";
	}

	public Path log() {
		return log;
	}

	private static void pause(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
