package io.graychain.meshlab.canary;

/** Bad input or an unreachable metrics source, told in one line a user can act on. */
public final class CanaryException extends RuntimeException {

	public CanaryException(String message) {
		super(message);
	}

	public CanaryException(String message, Throwable cause) {
		super(message, cause);
	}

}
