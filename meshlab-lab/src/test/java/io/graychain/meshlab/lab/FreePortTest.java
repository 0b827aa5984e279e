package io.graychain.meshlab.lab;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.graychain.meshlab.lab.pods.FreePort;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortTest {

	@Test
	void portsAreDistinctAndBelowTheEphemeralRange() {
		Set<Integer> ports = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			int port = FreePort.find();
			assertThat(port).isBetween(20000, 29999);
			assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
		}
	}

}
