package io.graychain.meshlab.kubectl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding kubectl as the scripts find it, and running it without leaving anything behind. */
class KubectlTest {

	@TempDir
	Path dir;

	@Test
	void kubectlNamedWithoutASlashIsLookedUpOnThePathAsBashDoes() throws IOException {
		Path bin = Files.createDirectory(dir.resolve("bin"));
		Path oc = script(bin.resolve("oc"), "exit 0");
		Path microk8s = script(bin.resolve("microk8s.kubectl"), "exit 0");
		String path = "/nowhere:" + bin;

		assertThat(Kubectl.find(Map.of("KUBECTL", "oc", "PATH", path))).contains(new Kubectl(oc));
		assertThat(Kubectl.find(Map.of("KUBECTL", "microk8s.kubectl", "PATH", path))).contains(new Kubectl(microk8s));
		assertThat(Kubectl.find(Map.of("KUBECTL", "oc", "PATH", "/nowhere"))).isEmpty();
		assertThat(Kubectl.find(Map.of("KUBECTL", oc.toString(), "PATH", "/nowhere"))).as("a path is used as it is")
			.contains(new Kubectl(oc));
		assertThat(Kubectl.find(Map.of("KUBECTL", "bin/oc", "PATH", path))).as("a relative path is no name to look up")
			.isEmpty();
	}

	@Test
	void withoutKubectlSetItIsKubectlOnThePathAndADirectoryIsNoCommand() throws IOException {
		Path first = Files.createDirectories(dir.resolve("first/kubectl")).getParent();
		Path second = Files.createDirectory(dir.resolve("second"));
		Path kubectl = script(second.resolve("kubectl"), "exit 0");

		assertThat(Kubectl.find(Map.of("PATH", first + ":" + second))).contains(new Kubectl(kubectl));
		assertThat(Kubectl.find(Map.of("KUBECTL", " ", "PATH", second.toString()))).contains(new Kubectl(kubectl));
		assertThat(Kubectl.find(Map.of())).isEmpty();
	}

	@Test
	void anInterruptedRunStopsKubectlAndWhatItStarted() throws Exception {
		Path pids = dir.resolve("pids");
		Kubectl kubectl = new Kubectl(script(dir.resolve("kubectl"),
				"sleep 300 &\necho \"$$ $!\" > " + pids + ".tmp\nmv " + pids + ".tmp " + pids + "\nwait\n"));
		AtomicReference<RuntimeException> thrown = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				kubectl.run(List.of("exec"), Duration.ofMinutes(5));
			}
			catch (RuntimeException ex) {
				thrown.set(ex);
			}
		});
		caller.start();
		List<ProcessHandle> started = List.of();
		try {
			started = awaitPids(pids);
			caller.interrupt();
			caller.join(Duration.ofSeconds(20).toMillis());

			assertThat(caller.isAlive()).as("run returned when interrupted").isFalse();
			assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
			for (ProcessHandle process : started) {
				assertThat(process.onExit()).as("kubectl and its child stopped").succeedsWithin(Duration.ofSeconds(10));
			}
		}
		finally {
			started.forEach(ProcessHandle::destroyForcibly);
			caller.interrupt();
		}
	}

	/** The processes whose ids a script wrote to {@code file}, once it is there. */
	private static List<ProcessHandle> awaitPids(Path file) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!Files.exists(file) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		String[] ids = Files.readString(file).strip().split(" ");
		return Stream.of(ids).map(id -> ProcessHandle.of(Long.parseLong(id))).flatMap(Optional::stream).toList();
	}

	private static Path script(Path file, String body) throws IOException {
		Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
		return file;
	}

}
