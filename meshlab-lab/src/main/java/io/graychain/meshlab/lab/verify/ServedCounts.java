package io.graychain.meshlab.lab.verify;

/**
 * How many requests a version's own pods counted, from their own metrics: what a {@code seenBy}
 * expectation compares, before and after sending.
 */
@FunctionalInterface
public interface ServedCounts {

	/**
	 * The requests all pods of {@code app} at {@code version} counted so far (Micrometer's
	 * {@code http_server_requests_seconds_count}, tagged with app and version, the actuator's own
	 * requests left out).
	 */
	long served(String app, String version);

}
