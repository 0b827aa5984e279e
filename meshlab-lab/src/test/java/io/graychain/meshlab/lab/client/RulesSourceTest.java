package io.graychain.meshlab.lab.client;

import java.nio.file.Path;

import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RulesSourceTest {

	private final Path scenarios = Tools.repo().resolve("istio/scenarios");

	@Test
	void aTwinIsItsHttpRoutesWithTheSharedGatewayApiFiles() {
		RulesSource twin = RulesSource.resolveGatewayApi("end-user-jason", scenarios);
		assertThat(twin.name()).isEqualTo("end-user-jason");
		assertThat(twin.yaml()).contains("kind: HTTPRoute").contains("graychain-http").doesNotContain("kind: VirtualService");
		assertThat(twin.files()).isNotEmpty();
	}

	@Test
	void aScenarioWithoutTwinIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> RulesSource.resolveGatewayApi("weather-tester-cookie", scenarios))
			.withMessageStartingWith("scenario 'weather-tester-cookie' has no Gateway API twin");
	}

	@Test
	void anUnknownScenarioNamesTheOnesThereAre() {
		assertThatIllegalArgumentException().isThrownBy(() -> RulesSource.resolveGatewayApi("nope", scenarios))
			.withMessageStartingWith("no scenario 'nope'; scenarios: ");
	}

}
