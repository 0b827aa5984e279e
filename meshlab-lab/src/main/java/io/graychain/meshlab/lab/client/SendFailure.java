package io.graychain.meshlab.lab.client;

/**
 * Requests could not be sent at all (not: a reply was an error), e.g. {@code kubectl exec} into a
 * workload's pod failed. The message says from where, and why, for the learner to read.
 */
public final class SendFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SendFailure(String message) {
		super(message);
	}

}
