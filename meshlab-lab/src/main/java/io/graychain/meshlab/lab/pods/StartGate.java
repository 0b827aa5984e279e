package io.graychain.meshlab.lab.pods;

import java.util.concurrent.Semaphore;

/**
 * A bounded start pool: at most {@code size} pods start at once; the next one starts when one of
 * them is ready (or has failed). Eleven JVMs started together on two cores share them for the whole
 * start; started a few at a time, each gets ready sooner, but the lab as a whole only wins when the
 * pods starting keep every core busy (docs/measurements.md has the figures of both ways). A size of
 * 0 or less lets every pod start at once.
 */
public final class StartGate {

	private final int size;

	private final Semaphore permits;

	public StartGate(int size) {
		this.size = size;
		this.permits = new Semaphore(Math.max(size, 1), true);
	}

	/** A gate that never waits. */
	public static StartGate unbounded() {
		return new StartGate(0);
	}

	/** Waits until a pod may start. */
	public void enter() throws InterruptedException {
		if (size > 0) {
			permits.acquire();
		}
	}

	/** A pod that entered is ready, or has failed: the next may start. */
	public void leave() {
		if (size > 0) {
			permits.release();
		}
	}

	/** How many pods start at once at most; 0 or less: all. */
	public int size() {
		return size;
	}

	/** How many pods are waiting to start. */
	public int waiting() {
		return permits.getQueueLength();
	}

}
