package io.graychain.support;

import org.junit.jupiter.api.Test;

import io.graychain.support.identity.Identity;
import io.graychain.support.propagation.PropagationProperties;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class GraychainDefaultsTest {

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(Minimal.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=probe")
			.properties(properties)
			.run();
	}

	@Test
	void theVersionPicksTheProfileAndTheIdentity() {
		try (ConfigurableApplicationContext context = start("VERSION=v2", "POD_NAME=probe-v2-abc", "REGION=eu")) {
			assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("v2");
			Identity identity = context.getBean(Identity.class);
			assertThat(identity.hop()).isEqualTo("probe:v2");
			assertThat(identity.pod()).isEqualTo("probe-v2-abc");
			assertThat(identity.region()).isEqualTo("eu");
			assertThat(identity.zone()).isNull();
		}
	}

	@Test
	void profilesSetByHandNeverDropTheVersionProfile() {
		try (ConfigurableApplicationContext context = start("VERSION=v2", "spring.profiles.active=debug")) {
			assertThat(context.getEnvironment().getActiveProfiles()).contains("v2", "debug");
		}
	}

	@Test
	void withoutAVersionItIsV1AndDownstreamCallsAreBoundedByThreeSeconds() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("v1");
			assertThat(context.getEnvironment().getProperty("spring.cloud.openfeign.client.config.default.read-timeout",
					Integer.class))
				.isPositive()
				.isLessThanOrEqualTo(3000);
			assertThat(context.getEnvironment().getProperty("management.tracing.baggage.remote-fields"))
				.isEqualTo("x-request-id,end-user,version,x-gray-lane");
		}
	}

	@Test
	void ofTheCookieHeaderOnlyTheUserCookieTheMeshRoutesOnIsRelayed() {
		try (ConfigurableApplicationContext context = start()) {
			PropagationProperties propagation = context.getBean(PropagationProperties.class);
			assertThat(propagation.relayedHeaders()).containsExactly("cookie");
			assertThat(propagation.relayedCookies()).containsExactly("user");
		}
	}

	@SpringBootApplication
	static class Minimal {

	}

}
