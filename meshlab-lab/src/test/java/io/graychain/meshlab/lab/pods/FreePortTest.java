package io.graychain.meshlab.lab.pods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortTest {

	@Test
	void neverHandsOutAReservedPortEvenWhenNobodyListensOnItYet() {
		// a workshop lab's pod got the ingress port the test had picked but the daemon had not bound yet
		Set<Integer> reserved = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			int port = FreePort.find(reserved);
			assertThat(reserved).doesNotContain(port);
			assertThat(port).isBetween(FreePort.FIRST, FreePort.FIRST + FreePort.COUNT - 1);
			reserved.add(port);
			reserved.add(port + 1);
		}
	}

}
