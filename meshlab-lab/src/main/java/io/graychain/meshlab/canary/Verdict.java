package io.graychain.meshlab.canary;

/**
 * Whether a step's figures passed, and if not why.
 *
 * @param passed true when every check passed
 * @param reason the first failed check, empty when passed
 */
public record Verdict(boolean passed, String reason) {

	public static final Verdict PASS = new Verdict(true, "");

	public static Verdict fail(String reason) {
		return new Verdict(false, reason);
	}

	@Override
	public String toString() {
		return passed ? "pass" : "FAIL: " + reason;
	}

}
