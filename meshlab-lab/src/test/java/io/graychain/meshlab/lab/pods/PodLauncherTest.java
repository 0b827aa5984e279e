package io.graychain.meshlab.lab.pods;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Pods started through a gate of one, as real processes: the second starts once the first is ready. */
class PodLauncherTest {

	@TempDir
	Path dir;

	@Test
	void theNextPodStartsWhenTheOneBeforeIsReady() throws Exception {
		StartGate gate = new StartGate(1);
		PodLauncher launcher = new PodLauncher(gate, null, Duration.ofSeconds(60));
		Path jar = FixturePod.jar(dir);
		PodProcess first = launcher.start(spec("fake-v1-0"), jar, FreePort.find(), FreePort.find(), dir.resolve("logs"),
				List.of("-Xmx32m"), "test");
		PodProcess second = null;
		try {
			CompletableFuture<PodProcess> next = CompletableFuture.supplyAsync(() -> {
				PodProcess started = launcher.start(spec("fake-v1-1"), jar, FreePort.find(), FreePort.find(), dir.resolve("logs"),
						List.of("-Xmx32m"), "test");
				// the gate let it in: the first pod answered its probe before
				assertThat(first.probe()).isTrue();
				return started;
			});
			second = next.get(60, TimeUnit.SECONDS);
			second.awaitReady(Duration.ofSeconds(60));
			assertThat(second.ready()).isTrue();
		}
		finally {
			first.stop(Duration.ofSeconds(5));
			if (second != null) {
				second.stop(Duration.ofSeconds(5));
			}
		}
	}

	@Test
	void withoutAnArchiveAJarRunsAsItIs() {
		PodLauncher launcher = new PodLauncher(StartGate.unbounded(), null, Duration.ofSeconds(1));
		assertThat(launcher.launch("appa", dir.resolve("appa.jar"))).isEqualTo(new ClassArchive.Launch(dir.resolve("appa.jar"), List.of()));
	}

	private static PodSpec spec(String name) {
		return new PodSpec(name, "fake-v1", "fake", Map.of("app", "fake", "version", "v1"), Map.of(), 8080, "/ready");
	}

}
