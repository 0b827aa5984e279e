package io.graychain.support.propagation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PropagationPropertiesTest {

	@Test
	void allowListIsLowercaseTrimmedAndWithoutRepeats() {
		PropagationProperties properties = new PropagationProperties(List.of("traceparent", " B3 "),
				List.of("End-User", "version", ""), List.of("cookie", "version"), List.of());
		assertThat(properties.allowList()).containsExactly("traceparent", "b3", "end-user", "version", "cookie");
	}

	@Test
	void relayedCookiesAreTrimmedButKeepTheirCase() {
		PropagationProperties properties = new PropagationProperties(null, null, null,
				List.of(" user ", "Theme", "", "user"));
		assertThat(properties.relayedCookies()).containsExactly("user", "Theme");
		assertThat(properties.allowList()).isEmpty();
	}

	@Test
	void missingListsAreEmpty() {
		PropagationProperties properties = new PropagationProperties(null, null, null, null);
		assertThat(properties.allowList()).isEmpty();
		assertThat(properties.relayedCookies()).isEmpty();
	}

}
