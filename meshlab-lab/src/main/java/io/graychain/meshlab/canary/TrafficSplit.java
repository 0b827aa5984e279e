package io.graychain.meshlab.canary;

/**
 * Sets how the service's traffic is split between its stable version and the canary: in the lab
 * through the admin endpoint with a generated VirtualService ({@link VirtualServiceSplit}), on a
 * cluster with {@code kubectl apply}.
 */
@FunctionalInterface
public interface TrafficSplit {

	/** Sends {@code canaryPercent} of the traffic (0 to 100) to the canary and the rest to the stable version. */
	void apply(int canaryPercent);

}
