package io.graychain.meshlab.canary;

/** Where the canary's figures come from: the lab's Istio metrics, or a cluster's Prometheus. */
@FunctionalInterface
public interface CanaryMetrics {

	/** Starts measuring an interval, right after a step set its weights. */
	Measurement start();

	/** One interval being measured. */
	@FunctionalInterface
	interface Measurement {

		/** The figures from the start of the interval until now. */
		Figures finish();

		/** The interval will not be finished (the run was interrupted): release what it holds. */
		default void abandon() {
		}

	}

}
