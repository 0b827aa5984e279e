package io.graychain.support.test;

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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;

/**
 * One run of a repository script ({@code scripts/...}) as a user runs it, by its own {@code #!} line,
 * with stdin closed and a clean environment: {@code PATH} (this JVM's {@code java} first), {@code HOME},
 * {@code LANG} and the variables given, nothing else of the caller's (a developer's {@code NAMESPACE} or
 * {@code KUBECTL} must not change what a test sees). Bounded in time: a script still running at its
 * limit is stopped with everything it started, and the test fails.
 *
 * @param exit the exit status
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
public record ScriptRun(int exit, String out, String err) {

	/** Runs {@code script} with {@code args} and the variables {@code env}, for at most {@code limit}. */
	public static ScriptRun run(Path script, Map<String, String> env, Duration limit, String... args) {
		List<String> command = new ArrayList<>(List.of(script.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Map<String, String> environment = builder.environment();
		environment.clear();
		environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
		environment.put("HOME", System.getProperty("user.home"));
		environment.put("LANG", "C.UTF-8");
		environment.putAll(env);
		Path out = null;
		Path err = null;
		try {
			out = Files.createTempFile("script", ".out");
			err = Files.createTempFile("script", ".err");
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				process.waitFor(5, TimeUnit.SECONDS);
				Assertions.fail(script.getFileName() + " " + String.join(" ", args) + " did not finish within " + limit
						+ "; it printed:\n" + Files.readString(out) + Files.readString(err));
			}
			return new ScriptRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			delete(out);
			delete(err);
		}
	}

	public List<String> outLines() {
		return out.lines().toList();
	}

	/** What it printed, stdout then stderr, to show when an assertion fails. */
	@Override
	public String toString() {
		return "exit " + exit + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
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
