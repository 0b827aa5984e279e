package io.graychain.meshlab.canary;

/**
 * What one step measured and decided.
 *
 * @param step the step's number, from 1
 * @param weight the canary's share of the traffic during the step, in percent
 * @param figures what was measured
 * @param verdict whether the figures passed
 */
public record StepReport(int step, int weight, Figures figures, Verdict verdict) {

	/** E.g. {@code step 1 (10%): requests 120, success rate 100.00%, p99 48.5 ms: pass}. */
	@Override
	public String toString() {
		return "step " + step + " (" + weight + "%): " + figures + ": " + verdict;
	}

}
