package io.graychain.meshlab.canary;

import java.util.ArrayList;
import java.util.List;

/**
 * The canary's share of the traffic at each step, in percent: whole numbers from 1 to 100, each
 * higher than the one before, the last one 100 (the promotion).
 *
 * @param weights the shares, in order
 */
public record Steps(List<Integer> weights) {

	public static final Steps DEFAULT = new Steps(List.of(10, 25, 50, 100));

	public Steps {
		weights = List.copyOf(weights);
		if (weights.isEmpty()) {
			throw new CanaryException("steps: give at least one weight, ending at 100");
		}
		int previous = 0;
		for (int weight : weights) {
			if (weight < 1 || weight > 100) {
				throw new CanaryException("steps: " + weight + " is not a weight from 1 to 100");
			}
			if (weight <= previous) {
				throw new CanaryException("steps must rise: " + weight + " after " + previous);
			}
			previous = weight;
		}
		if (previous != 100) {
			throw new CanaryException("steps must end at 100 (the promotion), not at " + previous);
		}
	}

	/** Reads {@code 10,25,50,100}. */
	public static Steps parse(String text) {
		List<Integer> weights = new ArrayList<>();
		for (String part : text.split(",", -1)) {
			String weight = part.strip();
			if (!weight.matches("[0-9]{1,3}")) {
				throw new CanaryException("steps: '" + weight + "' is not a whole percentage (e.g. 10,25,50,100)");
			}
			weights.add(Integer.parseInt(weight));
		}
		return new Steps(weights);
	}

	public int size() {
		return weights.size();
	}

	public int weight(int step) {
		return weights.get(step);
	}

}
