package io.graychain.meshlab.lab.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.scenario.ExpectedRequest;
import io.graychain.meshlab.scenario.ExpectedStatuses;
import io.graychain.meshlab.scenario.LatencyBounds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The live check of statuses (binomial ranges, {@code some}, nothing unnamed) and of each request's time. */
class OutcomeLinesTest {

	static ExpectedRequest request(Map<String, Object> statuses, LatencyBounds latency) {
		return new ExpectedRequest("r", "gateway", "h", "/", null, null, null, null, null,
				statuses == null ? null : ExpectedStatuses.of(statuses), latency, null, null, null);
	}

	static Sampler.Sample sample(Map<Integer, Integer> statuses, List<Duration> times) {
		return new Sampler.Sample(Map.of(), Map.of(), statuses, times);
	}

	@Test
	void sharesOfStatusesAreCheckedWithTheirBinomialRange() {
		ExpectedRequest abort = request(Map.of("200", 80, "503", 20), null);
		List<String> lines = new ArrayList<>();
		assertThat(OutcomeLines.statuses(abort, sample(Map.of(200, 235, 503, 65), List.of()), 0.0005, lines)).isTrue();
		assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).startsWith(" ").contains("accepted"));
		assertThat(OutcomeLines.statuses(abort, sample(Map.of(200, 150, 503, 150), List.of()), 0.0005, new ArrayList<>())).isFalse();
	}

	@Test
	void someNeedsOneAndAnUnnamedStatusFails() {
		List<String> lines = new ArrayList<>();
		ExpectedRequest some = request(Map.of("200", 90, "503", "some"), null);
		assertThat(OutcomeLines.statuses(some, sample(Map.of(200, 300), List.of()), 0.001, lines)).isFalse();
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("x status 503").contains("expected some"));
		lines.clear();
		assertThat(OutcomeLines.statuses(request(Map.of("504", 100), null), sample(Map.of(504, 11, 200, 1), List.of()), 0, lines))
			.isFalse();
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("x status 200").contains("unexpected"));
	}

	@Test
	void everyRequestsTimeMustKeepTheBoundsUnlessNotMeasured() {
		ExpectedRequest timed = request(Map.of("504", 100), LatencyBounds.of("1s", "1800ms"));
		List<String> lines = new ArrayList<>();
		assertThat(OutcomeLines.latency(timed, sample(Map.of(), List.of(Duration.ofMillis(1010), Duration.ofMillis(1200))), lines))
			.isTrue();
		assertThat(OutcomeLines.latency(timed, sample(Map.of(), List.of(Duration.ofMillis(1010), Duration.ofMillis(1900))), lines))
			.isFalse();
		assertThat(lines.get(1)).startsWith("x latency 1010ms..1900ms over 2 requests").endsWith("1 outside");
		assertThat(OutcomeLines.latency(timed, sample(Map.of(), List.of()), lines)).isTrue();
		assertThat(lines.get(2)).contains("not measured");
	}

}
