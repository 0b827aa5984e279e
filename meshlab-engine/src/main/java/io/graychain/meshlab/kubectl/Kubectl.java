package io.graychain.meshlab.kubectl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The kubectl executable, found as the lab's scripts find it ({@code $KUBECTL}, else {@code kubectl},
 * looked up on the {@code PATH} as bash looks up a command), run with a bounded time.
 *
 * @param executable the kubectl to run
 */
public record Kubectl(Path executable) {

	/** Environment variable that may name the kubectl executable. */
	public static final String ENV = "KUBECTL";

	private static final String DEFAULT = "kubectl";

	/**
	 * kubectl as {@code env} names it; empty when there is none. {@code KUBECTL} may be a path (it holds
	 * a {@code /}: {@code /usr/local/bin/kubectl}) or a command name looked up on the {@code PATH}
	 * ({@code oc}, {@code microk8s.kubectl}); without it, {@code kubectl} on the {@code PATH}.
	 */
	public static Optional<Kubectl> find(Map<String, String> env) {
		String named = env.get(ENV);
		String command = (named == null || named.isBlank()) ? DEFAULT : named;
		if (command.contains("/")) {
			Path path = Path.of(command);
			return Files.isExecutable(path) ? Optional.of(new Kubectl(path)) : Optional.empty();
		}
		return Stream.of(env.getOrDefault("PATH", "").split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, command))
			.filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
			.findFirst()
			.map(Kubectl::new);
	}

	/**
	 * How a run ended.
	 *
	 * @param exit kubectl's exit status (-1 when it was stopped)
	 * @param out what it printed on stdout
	 * @param err what it printed on stderr, stripped
	 * @param timedOut true when it was stopped for taking too long
	 */
	public record Run(int exit, String out, String err, boolean timedOut) {
	}

	/**
	 * Runs kubectl with {@code args}, stdin closed; stops it (and anything it started) after
	 * {@code within}, or when the calling thread is interrupted while it waits.
	 *
	 * @throws UncheckedIOException when kubectl could not be started
	 * @throws IllegalStateException when interrupted (kubectl is stopped first; the thread stays interrupted)
	 */
	public Run run(List<String> args, Duration within) {
		List<String> command = new ArrayList<>(List.of(executable.toString()));
		command.addAll(args);
		Path out = null;
		Path err = null;
		Process process = null;
		try {
			out = Files.createTempFile("kubectl", ".out");
			err = Files.createTempFile("kubectl", ".err");
			process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			process.getOutputStream().close();
			boolean done = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
			if (!done) {
				stop(process);
			}
			return new Run(done ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8).strip(), !done);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run " + executable + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + executable, ex);
		}
		finally {
			if (process != null && process.isAlive()) {
				stop(process);
			}
			delete(out);
			delete(err);
		}
	}

	/** Stops {@code process} and everything it started, and waits a little for it to end. */
	private static void stop(Process process) {
		// its descendants first: once it is gone, they are no longer known as its own
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		boolean interrupted = Thread.interrupted();
		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void delete(Path file) {
		try {
			if (file != null) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			// a temporary file left behind is no failure
		}
	}

}
