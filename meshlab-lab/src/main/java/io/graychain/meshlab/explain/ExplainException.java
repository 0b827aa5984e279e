package io.graychain.meshlab.explain;

/** Bad input to explain (unknown workload, host or scenario, unreadable YAML): one line for the user, exit 2. */
public final class ExplainException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ExplainException(String message) {
		super(message);
	}

}
