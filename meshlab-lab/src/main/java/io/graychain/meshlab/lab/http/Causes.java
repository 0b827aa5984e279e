package io.graychain.meshlab.lab.http;

/** What a failure was caused by, looking down its chain of causes. */
public final class Causes {

	private Causes() {
	}

	public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
