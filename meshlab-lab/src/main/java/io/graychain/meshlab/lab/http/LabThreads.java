package io.graychain.meshlab.lab.http;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The threads every server and client of one lab share: a bounded pool (a slow client holds a
 * socket, never a thread of its own) and one timer for the timeouts.
 *
 * @param pool the worker threads, at most {@code max}
 * @param scheduler the timer of idle and request timeouts
 */
public record LabThreads(QueuedThreadPool pool, Scheduler scheduler) implements AutoCloseable {

	/** The lab's default: 200 threads for a gateway, a dozen sidecars and the admin endpoint. */
	public static final int MAX = 200;

	public static LabThreads start(String name, int max) {
		QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max));
		pool.setName(name);
		pool.setDaemon(true);
		ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler(name + "-timer", true);
		try {
			pool.start();
			scheduler.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start the lab's threads", ex);
		}
		return new LabThreads(pool, scheduler);
	}

	@Override
	public void close() {
		try {
			scheduler.stop();
			pool.stop();
		}
		catch (Exception ex) {
			// stopping: nothing more to do
		}
	}

}
