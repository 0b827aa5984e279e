package io.graychain.meshlab.lab.pods;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts pods through a {@link StartGate} and, when there is one, with the {@link ClassArchive} of
 * their jar. {@link #start} returns once the pod's process runs; the gate is left when the pod is
 * ready, exits, or {@code readyWithin} passes, whichever comes first.
 */
public final class PodLauncher {

	private final StartGate gate;

	private final ClassArchive archive;

	private final Duration readyWithin;

	private final Map<Path, ClassArchive.Launch> launches = new ConcurrentHashMap<>();

	/**
	 * @param gate how many pods start at once
	 * @param archive the class archives of the jars, or null to run the jars as they are
	 * @param readyWithin how long a pod may hold its place in the gate
	 */
	public PodLauncher(StartGate gate, ClassArchive archive, Duration readyWithin) {
		this.gate = gate;
		this.archive = archive;
		this.readyWithin = readyWithin;
	}

	/** Starts the pod behind its sidecar (see {@link PodProcess#start(PodSpec, Path, int, int, Path, List, String)}), through the gate. */
	public PodProcess start(PodSpec spec, Path jar, int port, int sidecarPort, Path logs, List<String> jvmFlags, String marker) {
		ClassArchive.Launch launch = launch(spec.module(), jar);
		List<String> flags = new ArrayList<>(jvmFlags);
		flags.addAll(launch.jvmFlags());
		try {
			gate.enter();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to start " + spec.name(), ex);
		}
		PodProcess pod;
		try {
			pod = PodProcess.start(spec, launch.jar(), port, sidecarPort, logs, flags, marker);
		}
		catch (RuntimeException ex) {
			gate.leave();
			throw ex;
		}
		Thread watcher = new Thread(() -> leaveWhenStarted(pod), "lab-start-" + spec.name());
		watcher.setDaemon(true);
		watcher.start();
		return pod;
	}

	/**
	 * Makes (or finds) the class archive of each jar before the pods start, as many at once as the
	 * gate lets pods start (one per core when it lets all start at once): a training run costs about
	 * one start of the service.
	 */
	public void prepare(Map<String, Path> jarsByModule) {
		if (archive == null || jarsByModule.isEmpty()) {
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(
				gate.size() > 0 ? gate.size() : Runtime.getRuntime().availableProcessors(), r -> {
			Thread thread = new Thread(r, "lab-class-archive");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> made = jarsByModule.entrySet().stream()
				.map(e -> pool.submit(() -> launches.put(e.getValue(), archive.prepare(e.getKey(), e.getValue()))))
				.collect(Collectors.toList());
			for (Future<?> each : made) {
				each.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while making the class archives", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("cannot make the class archives: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The launch of a jar: its class archive, made once per jar (the first pod of a jar waits for it). */
	ClassArchive.Launch launch(String module, Path jar) {
		return archive == null ? new ClassArchive.Launch(jar, List.of())
				: launches.computeIfAbsent(jar, j -> archive.prepare(module, j));
	}

	private void leaveWhenStarted(PodProcess pod) {
		long deadline = System.nanoTime() + readyWithin.toNanos();
		try {
			while (pod.alive() && System.nanoTime() < deadline && !pod.probe()) {
				TimeUnit.MILLISECONDS.sleep(PodProcess.PROBE_PERIOD.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			gate.leave();
		}
	}

}
