package io.graychain.support.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.graychain.support.test.FakeKubectl;

import static org.assertj.core.api.Assertions.fail;

/**
 * {@link MeshProbe} run as its own JVM, as {@code kubectl exec} runs it in a pod: with the small JVM
 * flags it gets there, on nothing but its own classes. Bounded: killed after 60 s.
 *
 * @param exit the exit status
 * @param lines what it printed on stdout, line by line
 * @param errors what it printed on stderr
 * @param took how long it ran
 */
record ProbeProcess(int exit, List<String> lines, String errors, Duration took) {

	/** The flags meshlab's ProbeCommand gives the probe in a pod (a small heap beside the app). */
	static final List<String> FLAGS = List.of("-Xmx16m", "-Xms4m", "-Xss256k", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

	static ProbeProcess run(String... args) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(FLAGS);
		command.addAll(List.of("-cp", FakeKubectl.probeClasspath(), MeshProbe.class.getName()));
		command.addAll(List.of(args));
		try {
			Path out = Files.createTempFile("probe", ".out");
			Path err = Files.createTempFile("probe", ".err");
			try {
				long started = System.nanoTime();
				Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					fail("the probe ran longer than 60 s: " + command);
				}
				Duration took = Duration.ofNanos(System.nanoTime() - started);
				return new ProbeProcess(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
						Files.readString(err), took);
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
