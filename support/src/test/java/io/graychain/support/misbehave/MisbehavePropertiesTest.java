package io.graychain.support.misbehave;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class MisbehavePropertiesTest {

	private static MisbehaveProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values))
			.bindOrCreate(MisbehaveProperties.PREFIX, MisbehaveProperties.class);
	}

	@Test
	void offByDefault() {
		MisbehaveProperties properties = bind(Map.of());
		assertThat(properties.errorPercent()).isZero();
		assertThat(properties.delay()).isZero();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			1500ms, 1500
			2s,     2000
			250,    250
			0,      0
			1m,     60000
			""")
	void delaysAsKubernetesUsersWriteThem(String value, long millis) {
		assertThat(bind(Map.of("graychain.misbehave.delay", value)).delay()).isEqualTo(Duration.ofMillis(millis));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			graychain.misbehave.error-percent | 101   | GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=101 is out of range: give a percentage from 0 to 100
			graychain.misbehave.error-percent | -5    | GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=-5 is out of range: give a percentage from 0 to 100
			graychain.misbehave.error-percent | NaN   | GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=NaN is out of range: give a percentage from 0 to 100
			graychain.misbehave.error-percent | lots  | graychain.misbehave.error-percent=lots is not a number: give a percentage from 0 to 100
			graychain.misbehave.delay         | -1s   | GRAYCHAIN_MISBEHAVE_DELAY=-1000ms is out of range: give 0 to 60s, e.g. 1500ms or 2s
			graychain.misbehave.delay         | 61s   | GRAYCHAIN_MISBEHAVE_DELAY=61000ms is out of range: give 0 to 60s, e.g. 1500ms or 2s
			graychain.misbehave.delay         | soon  | graychain.misbehave.delay=soon is not a duration: give e.g. 1500ms or 2s (0 to 60s)
			""")
	void aBadValueIsOneLineNamingTheVariableAndTheValue(String property, String value, String message) {
		Throwable failure = catchThrowable(() -> bind(Map.of(property, value)));
		FailureAnalysis analysis = new MisbehaviourFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo(message).doesNotContain("\n");
	}

	@Test
	void aValueIsPrintedOnOneLineAndShort() {
		assertThat(MisbehaviourFailureAnalyzer.printable("1\n2\u001b[31m")).isEqualTo("1?2?[31m");
		assertThat(MisbehaviourFailureAnalyzer.printable("x".repeat(100))).hasSize(43);
	}

	@Test
	void otherFailuresAreLeftToSpring() {
		assertThat(new MisbehaviourFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

}
