package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Pods restarted as the kubelet restarts containers: its back-off numbers, and a real process killed twice. */
class RestartTest {

	final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		timer.shutdownNow();
	}

	/** The kubelet's delays: at once, then 10 s doubling to the 300 s cap (see {@link RestartBackoff}). */
	@Test
	void theBackOffStartsAt10sDoublesAndIsCappedAt300s() {
		RestartBackoff backoff = new RestartBackoff(RestartBackoff.KUBELET_INITIAL);
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		List<Long> delays = new java.util.ArrayList<>();
		for (int crash = 0; crash < 9; crash++) {
			Duration delay = backoff.delay(now);
			delays.add(delay.toSeconds());
			now = now.plus(delay);
			backoff.restarted(now, now);
			now = now.plusSeconds(5); // crashes 5 s after each start
		}
		assertThat(delays).containsExactly(0L, 10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L);
	}

	@Test
	void tenMinutesRunningResetTheBackOff() {
		RestartBackoff backoff = new RestartBackoff(RestartBackoff.KUBELET_INITIAL);
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		backoff.restarted(start, start);
		backoff.restarted(start.plusSeconds(20), start.plusSeconds(20));
		assertThat(backoff.delay(start.plusSeconds(30))).isEqualTo(Duration.ofSeconds(20));
		assertThat(backoff.delay(start.plusSeconds(20 + 601))).as("ran over 10 min").isZero();
		backoff.restarted(start.plusSeconds(621), start.plusSeconds(621));
		assertThat(backoff.delay(start.plusSeconds(630))).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void aPodWhoseProcessDiesIsStartedAgainUntilItIsStopped() throws Exception {
		PodSpec spec = new PodSpec("fake-v1-0", "fake-v1", "fake", Map.of("app", "fake", "version", "v1"), Map.of(), 8080, "/ready");
		PodProcess pod = PodProcess.start(spec, fixtureJar(), FreePort.find(), dir.resolve("logs"), List.of("-Xmx32m"));
		try {
			pod.awaitReady(Duration.ofSeconds(60));
			AtomicInteger heard = new AtomicInteger();
			pod.supervise(new RestartBackoff(Duration.ofMillis(50)), timer, heard::incrementAndGet);
			for (int restart = 1; restart <= 2; restart++) {
				long pid = pod.pid();
				ProcessHandle.of(pid).orElseThrow().destroyForcibly();
				int expected = restart;
				awaitTrue(() -> pod.restarts() == expected && pod.ready());
				assertThat(pod.pid()).isNotEqualTo(pid);
				assertThat(heard.get()).isEqualTo(restart);
			}
		}
		finally {
			pod.stop(Duration.ofSeconds(5));
		}
		assertThat(pod.alive()).isFalse();
		// longer than the next back-off (200 ms): a stopped pod stays stopped
		Thread.sleep(1000);
		assertThat(pod.alive()).isFalse();
		assertThat(pod.restarts()).isEqualTo(2);
		assertThat(pod.state()).isEqualTo("exited");
	}

	Path fixtureJar() throws IOException {
		return FixturePod.jar(dir);
	}

	static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
