package io.graychain.meshlab.canary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Promotes a canary step by step, or rolls it back, on its live figures: at each step it sets the
 * canary's weight, waits the interval, measures the canary over it and judges the figures. A failed
 * step sends all traffic back to the stable version at once; when every step passed, the last one (100)
 * has left all traffic on the canary. The decisions are a pure state machine ({@link #next}); this class
 * only carries out each state's effect, through the injected traffic split, metrics and sleeper.
 *
 * <pre>
 * Shift(i) --set weight i--> Observe(i) --wait, measure, judge--> pass: Shift(i+1), or Done(promoted) after the last
 *                                                                  fail: RollBack --weight 0--> Done(rolled back)
 * </pre>
 */
public final class CanaryRun {

	/** Where a run is. */
	sealed interface State permits Shift, Observe, RollBack, Done {
	}

	/** Set the weight of step {@code step} (from 0). */
	record Shift(int step) implements State {
	}

	/** Wait out, measure and judge step {@code step}. */
	record Observe(int step) implements State {
	}

	/** Send all traffic back to the stable version. */
	record RollBack() implements State {
	}

	/** The end. */
	record Done(boolean promoted) implements State {
	}

	private final TrafficSplit traffic;

	private final CanaryMetrics metrics;

	private final Sleeper sleeper;

	private final Consumer<StepReport> listener;

	/**
	 * @param traffic sets the weights
	 * @param metrics measures the canary over each interval
	 * @param sleeper waits out each interval
	 * @param listener hears each step's report as soon as it is judged (e.g. to print it)
	 */
	public CanaryRun(TrafficSplit traffic, CanaryMetrics metrics, Sleeper sleeper, Consumer<StepReport> listener) {
		this.traffic = traffic;
		this.metrics = metrics;
		this.sleeper = sleeper;
		this.listener = listener;
	}

	/**
	 * Runs every step. Interrupted while waiting, it stops at once and leaves the weights as they are:
	 * whoever started it restores the rules in force before it started.
	 */
	public Outcome run(Steps steps, Duration interval, Thresholds thresholds) throws InterruptedException {
		List<StepReport> reports = new ArrayList<>();
		State state = new Shift(0);
		while (!(state instanceof Done)) {
			Verdict verdict = null;
			if (state instanceof Shift shift) {
				traffic.apply(steps.weight(shift.step()));
			}
			else if (state instanceof Observe observe) {
				CanaryMetrics.Measurement measurement = metrics.start();
				try {
					sleeper.sleep(interval);
				}
				catch (InterruptedException ex) {
					measurement.abandon();
					throw ex;
				}
				Figures figures = measurement.finish();
				verdict = thresholds.judge(figures);
				StepReport report = new StepReport(observe.step() + 1, steps.weight(observe.step()), figures, verdict);
				reports.add(report);
				listener.accept(report);
			}
			else if (state instanceof RollBack) {
				traffic.apply(0);
			}
			state = next(state, steps, verdict);
		}
		return new Outcome(((Done) state).promoted(), reports);
	}

	/** The state after {@code state}; {@code verdict} is the judgement of an {@link Observe} state. */
	static State next(State state, Steps steps, Verdict verdict) {
		if (state instanceof Shift shift) {
			return new Observe(shift.step());
		}
		if (state instanceof Observe observe) {
			if (!verdict.passed()) {
				return new RollBack();
			}
			return observe.step() + 1 == steps.size() ? new Done(true) : new Shift(observe.step() + 1);
		}
		if (state instanceof RollBack) {
			return new Done(false);
		}
		return state;
	}

}
