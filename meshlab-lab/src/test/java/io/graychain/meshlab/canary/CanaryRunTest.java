package io.graychain.meshlab.canary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.graychain.meshlab.canary.CanaryRun.Done;
import io.graychain.meshlab.canary.CanaryRun.Observe;
import io.graychain.meshlab.canary.CanaryRun.RollBack;
import io.graychain.meshlab.canary.CanaryRun.Shift;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The step logic on recorded metrics: a sleeper that moves a clock one interval on, and a scraper that
 * answers the fixture scrape of the current interval.
 */
class CanaryRunTest {

	private static final Duration INTERVAL = Duration.ofSeconds(30);

	private static final Thresholds THRESHOLDS = new Thresholds(99, Duration.ofMillis(500));

	private final List<Integer> weights = new ArrayList<>();

	private final List<StepReport> heard = new ArrayList<>();

	private final List<Duration> slept = new ArrayList<>();

	private int interval;

	@Test
	void aHealthyCanaryPassesEveryStepAndKeepsAllTheTraffic() throws InterruptedException {
		Outcome outcome = run("healthy", Steps.DEFAULT);

		assertThat(outcome.promoted()).isTrue();
		assertThat(weights).containsExactly(10, 25, 50, 100);
		assertThat(slept).containsExactly(INTERVAL, INTERVAL, INTERVAL, INTERVAL);
		assertThat(outcome.steps()).extracting(StepReport::figures).containsExactly(new Figures(100, 100, 50),
				new Figures(200, 100, 50), new Figures(400, 100, 50), new Figures(1000, 100, 50));
		assertThat(heard).isEqualTo(outcome.steps());
		assertThat(heard.get(0)).hasToString("step 1 (10%): requests 100, success rate 100.00%, p99 50.0 ms: pass");
		assertThat(outcome).hasToString("promoted: all 4 steps passed, the canary has 100% of the traffic");
	}

	@Test
	void aCanaryFailingThirtyPercentIsRolledBackAtTheFirstStep() throws InterruptedException {
		Outcome outcome = run("failing", Steps.DEFAULT);

		assertThat(outcome.promoted()).isFalse();
		assertThat(weights).containsExactly(10, 0);
		assertThat(outcome.steps()).singleElement().satisfies(step -> {
			assertThat(step.weight()).isEqualTo(10);
			assertThat(step.verdict()).isEqualTo(Verdict.fail("success rate 70.00% < 99%"));
		});
		assertThat(outcome).hasToString("rolled back at step 1 (10%): success rate 70.00% < 99%; "
				+ "the stable version has 100% of the traffic");
	}

	@Test
	void onTheScrapesOfAHealthyLabRunV2IsPromoted() throws InterruptedException {
		Outcome outcome = new CanaryRun(weights::add, recorded("healthy"), slept::add, heard::add)
			.run(Steps.parse("50,100"), INTERVAL, THRESHOLDS);

		assertThat(outcome.promoted()).isTrue();
		assertThat(weights).containsExactly(50, 100);
		assertThat(heard).extracting(StepReport::toString).containsExactly(
				"step 1 (50%): requests 49, success rate 100.00%, p99 75.5 ms: pass",
				"step 2 (100%): requests 101, success rate 100.00%, p99 25.0 ms: pass");
	}

	@Test
	void onTheScrapesOfALabRunWithAV2FailingThirtyPercentItIsRolledBackAtTheFirstStep() throws InterruptedException {
		Outcome outcome = new CanaryRun(weights::add, recorded("failing"), slept::add, heard::add)
			.run(Steps.parse("50,100"), INTERVAL, THRESHOLDS);

		assertThat(outcome.promoted()).isFalse();
		assertThat(weights).containsExactly(50, 0);
		assertThat(outcome).hasToString("rolled back at step 1 (50%): success rate 67.21% < 99%; "
				+ "the stable version has 100% of the traffic");
	}

	private static CanaryMetrics recorded(String name) {
		return new ScrapeMetrics(Fixtures.recorded(name), CanarySeries.version("graychain", "product", "v2"));
	}

	@Test
	void aP99OverTheBoundFailsTheStep() throws InterruptedException {
		Outcome outcome = run("slow", Steps.parse("20,100"));

		assertThat(outcome.promoted()).isFalse();
		assertThat(weights).containsExactly(20, 0);
		assertThat(outcome.steps()).singleElement()
			.extracting(StepReport::verdict)
			.isEqualTo(Verdict.fail("p99 2200 ms > 500 ms"));
	}

	@Test
	void aStepWithoutRequestsFails() throws InterruptedException {
		CanaryRun run = new CanaryRun(weights::add, () -> Figures::none, slept::add, heard::add);

		Outcome outcome = run.run(Steps.DEFAULT, INTERVAL, THRESHOLDS);

		assertThat(weights).containsExactly(10, 0);
		assertThat(outcome.steps()).singleElement().extracting(s -> s.verdict().reason())
			.isEqualTo("no request reached the canary");
	}

	@Test
	void interruptedItStopsAtOnceLeavingTheWeightsToWhoeverStartedIt() {
		CanaryRun run = new CanaryRun(weights::add, () -> Figures::none, duration -> {
			throw new InterruptedException();
		}, heard::add);

		assertThatThrownBy(() -> run.run(Steps.DEFAULT, INTERVAL, THRESHOLDS)).isInstanceOf(InterruptedException.class);
		assertThat(weights).containsExactly(10);
		assertThat(heard).isEmpty();
	}

	@Test
	void theDecisionsAreAPureStateMachine() {
		Steps steps = Steps.parse("50,100");

		assertThat(CanaryRun.next(new Shift(0), steps, null)).isEqualTo(new Observe(0));
		assertThat(CanaryRun.next(new Observe(0), steps, Verdict.PASS)).isEqualTo(new Shift(1));
		assertThat(CanaryRun.next(new Observe(1), steps, Verdict.PASS)).isEqualTo(new Done(true));
		assertThat(CanaryRun.next(new Observe(1), steps, Verdict.fail("x"))).isEqualTo(new RollBack());
		assertThat(CanaryRun.next(new RollBack(), steps, null)).isEqualTo(new Done(false));
	}

	private Outcome run(String fixture, Steps steps) throws InterruptedException {
		CanaryMetrics metrics = new ScrapeMetrics(() -> Fixtures.scrape(fixture, interval),
				CanarySeries.version("graychain", "product", "v2"));
		Sleeper clock = duration -> {
			slept.add(duration);
			interval++;
		};
		return new CanaryRun(weights::add, metrics, clock, heard::add).run(steps, INTERVAL, THRESHOLDS);
	}

}
