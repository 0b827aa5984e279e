package io.graychain.support.misbehave;

/** Thrown for a request that answers 500 on purpose; {@link MisbehaviourAdvice} writes the reply. */
class Misbehaving extends RuntimeException {

	private static final long serialVersionUID = 1L;

	Misbehaving(String setting) {
		super(setting, null, false, false);
	}

}
