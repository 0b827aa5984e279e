package io.graychain.meshlab.lab.pods;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounded start pool: the third pod waits while two start, and starts when one of them is ready. */
class StartGateTest {

	@Test
	void aPodWaitsWhileTheGateIsFullAndStartsWhenOneLeaves() throws Exception {
		StartGate gate = new StartGate(2);
		gate.enter();
		gate.enter();
		CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
			try {
				gate.enter();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (gate.waiting() == 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(gate.waiting()).as("the third pod waits").isEqualTo(1);
		assertThat(third).isNotDone();

		gate.leave();
		third.get(10, TimeUnit.SECONDS);
		assertThat(gate.waiting()).isZero();
	}

	@Test
	void anUnboundedGateNeverWaits() throws InterruptedException {
		StartGate gate = StartGate.unbounded();
		for (int i = 0; i < 50; i++) {
			gate.enter();
		}
		assertThat(gate.waiting()).isZero();
		assertThat(gate.size()).isZero();
	}

}
