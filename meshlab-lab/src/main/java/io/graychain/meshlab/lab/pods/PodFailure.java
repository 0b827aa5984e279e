package io.graychain.meshlab.lab.pods;

/** A pod that could not start or get ready, with the tail of its log. */
public final class PodFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String logTail;

	public PodFailure(String message, String logTail) {
		super(message);
		this.logTail = logTail;
	}

	public String logTail() {
		return logTail;
	}

	/** The message followed by the indented log tail. */
	public String report() {
		return getMessage() + "\n--- log tail ---\n" + logTail + "\n---";
	}

}
