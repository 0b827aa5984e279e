package io.graychain.support.misbehave;

/**
 * A misbehaviour setting that cannot be followed. Its message is the one line a user reads: the
 * variable, the value, and what is accepted ({@link MisbehaviourFailureAnalyzer} reports it).
 */
public class InvalidMisbehaviour extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InvalidMisbehaviour(String message) {
		super(message);
	}

}
