package io.graychain.support.misbehave;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.graychain.support.test.HopService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad misbehaviour value in the environment stops the service at start, with one clear line. */
@ExtendWith(OutputCaptureExtension.class)
class RefusesToStartTest {

	private static void start(Map<String, Object> environmentVariables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
		SpringApplication application = new SpringApplication(HopService.class);
		application.setEnvironment(environment);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.application.name", "hop"));
		application.run().close();
	}

	@Test
	void aDelayThatIsNoDuration(CapturedOutput output) {
		assertThatThrownBy(() -> start(Map.of("GRAYCHAIN_MISBEHAVE_DELAY", "soon"))).isNotNull();
		assertThat(output.getAll())
			.contains("GRAYCHAIN_MISBEHAVE_DELAY=soon is not a duration: give e.g. 1500ms or 2s (0 to 60s)")
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
	}

	@Test
	void aPercentOutOfRange(CapturedOutput output) {
		assertThatThrownBy(() -> start(Map.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT", "150"))).isNotNull();
		assertThat(output.getAll())
			.contains("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=150 is out of range: give a percentage from 0 to 100")
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
	}

	@Test
	void goodValuesStart() {
		start(Map.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT", "30", "GRAYCHAIN_MISBEHAVE_DELAY", "2s"));
	}

}
