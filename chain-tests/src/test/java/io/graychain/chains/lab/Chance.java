package io.graychain.chains.lab;

/**
 * The false-failure chance the tests give each weighted verification. A learner's {@code scripts/verify}
 * accepts a correct scenario's counts with probability at least 1 - 1/1,000 per run; the tests verify
 * about 30 scenarios per build (every scenario and twin here, and the workshop guide's runs), which at
 * 1/1,000 each would fail a correct build about 3 times in 100. At 1/1,000,000 each, a build fails by
 * chance less than once in 30,000, and the accepted ranges stay narrow enough to tell 50/50 from 60/40.
 */
public final class Chance {

	/** Per verification run, shared out over its weighted chains (Bonferroni) by the verifier. */
	public static final double ALPHA = 1e-6;

	private Chance() {
	}

}
