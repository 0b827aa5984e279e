package io.graychain.meshlab.scenario;

/**
 * An expected request sent as a bounded load step ({@code concurrency} and {@code count} in
 * expect.yaml): {@code count} requests, {@code concurrency} connections at once, e.g. to overflow a
 * circuit breaker. Bounded for a laptop: at most {@value #MAX_CONCURRENCY} at once and
 * {@value #MAX_COUNT} in all.
 *
 * @param concurrency requests in flight at once
 * @param count requests in all
 */
public record LoadStep(int concurrency, int count) {

	public static final int MAX_CONCURRENCY = 64;

	public static final int MAX_COUNT = 2000;

	/** The step of request {@code name}, or null when it sets no concurrency; a clear refusal of bad values. */
	static LoadStep of(String name, Integer concurrency, Integer count) {
		if (concurrency == null) {
			if (count != null) {
				throw new IllegalArgumentException("request '" + name + "' sets count without concurrency");
			}
			return null;
		}
		if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
			throw new IllegalArgumentException("request '" + name + "': concurrency " + concurrency + " is not within 1 to " + MAX_CONCURRENCY);
		}
		int n = count == null ? 10 * concurrency : count;
		if (n < concurrency || n > MAX_COUNT) {
			throw new IllegalArgumentException("request '" + name + "': count " + n + " is not within concurrency (" + concurrency
					+ ") to " + MAX_COUNT);
		}
		return new LoadStep(concurrency, n);
	}

}
