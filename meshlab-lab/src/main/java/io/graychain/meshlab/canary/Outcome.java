package io.graychain.meshlab.canary;

import java.util.List;

/**
 * How a canary run ended.
 *
 * @param promoted true when every step passed and the canary has all the traffic; false when a step
 *        failed and the stable version has it all again
 * @param steps the report of every step run, the failed one last
 */
public record Outcome(boolean promoted, List<StepReport> steps) {

	public Outcome {
		steps = List.copyOf(steps);
	}

	/** E.g. {@code promoted: all 4 steps passed} or {@code rolled back at step 1 (10%): success rate 70.00% < 99%}. */
	@Override
	public String toString() {
		if (promoted) {
			return "promoted: all " + steps.size() + " steps passed, the canary has 100% of the traffic";
		}
		StepReport failed = steps.get(steps.size() - 1);
		return "rolled back at step " + failed.step() + " (" + failed.weight() + "%): " + failed.verdict().reason()
				+ "; the stable version has 100% of the traffic";
	}

}
