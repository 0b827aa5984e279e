package io.graychain.support.propagation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PropagationPropertiesTest {

	@Test
	void allowListIsLowercaseTrimmedAndWithoutRepeats() {
		PropagationProperties properties = new PropagationProperties(List.of("traceparent", " B3 "),
				List.of("End-User", "version", ""), List.of("cookie", "version"));
		assertThat(properties.allowList()).containsExactly("traceparent", "b3", "end-user", "version", "cookie");
	}

	@Test
	void missingListsAreEmpty() {
		assertThat(new PropagationProperties(null, null, null).allowList()).isEmpty();
	}

}
