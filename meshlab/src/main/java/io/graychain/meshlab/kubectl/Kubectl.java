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
 * The kubectl executable, found as the scripts find it ({@code $KUBECTL}, else {@code kubectl} on the
 * {@code PATH}), run with a bounded time.
 *
 * @param executable the kubectl to run
 */
public record Kubectl(Path executable) {

	/** Environment variable that may name the kubectl executable. */
	public static final String ENV = "KUBECTL";

	/**
	 * kubectl as {@code env} names it, as bash runs {@code "$KUBECTL"}: {@code KUBECTL} as a path when
	 * it has a slash, else as a command on the {@code PATH} ({@code kubectl} when unset); empty when
	 * there is none.
	 */
	public static Optional<Kubectl> find(Map<String, String> env) {
		String named = env.get(ENV);
		String command = (named == null || named.isBlank()) ? "kubectl" : named;
		if (command.contains("/")) {
			Path path = Path.of(command);
			return Files.isExecutable(path) ? Optional.of(new Kubectl(path)) : Optional.empty();
		}
		return Stream.of(env.getOrDefault("PATH", "").split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, command))
			.filter(Files::isExecutable)
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
	 * Runs kubectl with {@code args}, stdin closed; stops it (and anything it started) after {@code within}.
	 *
	 * @throws UncheckedIOException when kubectl could not be started
	 */
	public Run run(List<String> args, Duration within) {
		List<String> command = new ArrayList<>(List.of(executable.toString()));
		command.addAll(args);
		Path out = null;
		Path err = null;
		try {
			out = Files.createTempFile("kubectl", ".out");
			err = Files.createTempFile("kubectl", ".err");
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			process.getOutputStream().close();
			boolean done = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
			if (!done) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				process.waitFor(5, TimeUnit.SECONDS);
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
			delete(out);
			delete(err);
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
