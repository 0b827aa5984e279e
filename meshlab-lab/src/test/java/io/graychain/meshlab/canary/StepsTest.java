package io.graychain.meshlab.canary;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepsTest {

	@Test
	void readsRisingWeightsEndingAt100() {
		assertThat(Steps.parse("10,25,50,100")).isEqualTo(Steps.DEFAULT);
		assertThat(Steps.parse(" 5, 100 ").weights()).containsExactly(5, 100);
		assertThat(Steps.parse("100").weights()).containsExactly(100);
	}

	@ParameterizedTest(name = "''{0}''")
	@CsvSource(delimiter = '|', value = {
		"10,25,50 | steps must end at 100 (the promotion), not at 50",
		"10,50,25,100 | steps must rise: 25 after 50",
		"10,10,100 | steps must rise: 10 after 10",
		"0,50,100 | steps: 0 is not a weight from 1 to 100",
		"10,25,150 | steps: 150 is not a weight from 1 to 100",
		"10,,100 | steps: '' is not a whole percentage (e.g. 10,25,50,100)",
		"10%,100 | steps: '10%' is not a whole percentage (e.g. 10,25,50,100)",
		"-5,100 | steps: '-5' is not a whole percentage (e.g. 10,25,50,100)" })
	void refusesBadStepsWithOneClearLine(String steps, String message) {
		assertThatThrownBy(() -> Steps.parse(steps)).isInstanceOf(CanaryException.class).hasMessage(message);
	}

	@Test
	void refusesBadThresholds() {
		assertThatThrownBy(() -> new Thresholds(101, Duration.ofMillis(500)))
			.hasMessage("the minimum success rate must be a percentage from 0 to 100, not 101.0");
		assertThatThrownBy(() -> new Thresholds(99, Duration.ZERO)).hasMessage("the maximum p99 must be positive, not 0 ms");
	}

	@Test
	void judgesAsFlaggerDoes() {
		Thresholds thresholds = new Thresholds(99, Duration.ofMillis(500));

		assertThat(thresholds.judge(new Figures(100, 99, 500.9))).as("at the bounds, p99 cut to whole ms")
			.isEqualTo(Verdict.PASS);
		assertThat(thresholds.judge(new Figures(100, 98.99, 10))).isEqualTo(Verdict.fail("success rate 98.99% < 99%"));
		assertThat(thresholds.judge(new Figures(100, 100, 501))).isEqualTo(Verdict.fail("p99 501 ms > 500 ms"));
		assertThat(thresholds.judge(Figures.none())).isEqualTo(Verdict.fail("no request reached the canary"));
		assertThat(new Thresholds(99.5, Duration.ofSeconds(1)).judge(new Figures(10, 99, 1)).reason())
			.isEqualTo("success rate 99.00% < 99.5%");
	}

}
