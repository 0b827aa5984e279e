package io.graychain.meshlab.canary;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.graychain.meshlab.lab.client.OneShotHttp;

/**
 * A steady load through the ingress gateway while a step is measured, as Flagger's load tester gives
 * a canary ({@code hey -q RPS}): {@code GET target} with {@code Host: host}, {@code rps} a second, at
 * most {@link #IN_FLIGHT} at once (a slow canary is not flooded; a request that would exceed it is
 * skipped and counted).
 */
public final class GatewayLoad {

	static final int IN_FLIGHT = 8;

	private final InetSocketAddress gateway;

	private final String host;

	private final String target;

	private final int rps;

	private final Duration timeout;

	/**
	 * @param gateway the ingress gateway, {@code http://host[:port]}
	 * @param host the Host header, e.g. {@code product.graychain.local}
	 * @param target the path and query, e.g. {@code /product}
	 * @param rps requests a second, 1 to 1000
	 * @param timeout connect and read timeout of each request
	 */
	public GatewayLoad(URI gateway, String host, String target, int rps, Duration timeout) {
		if (!"http".equals(gateway.getScheme()) || gateway.getHost() == null) {
			throw new CanaryException("the gateway URL must be http://host[:port], not " + gateway);
		}
		if (rps < 1 || rps > 1000) {
			throw new CanaryException("--load: from 1 to 1000 requests a second, not " + rps);
		}
		if (!target.startsWith("/")) {
			throw new CanaryException("--path must start with '/', not " + target);
		}
		this.gateway = new InetSocketAddress(gateway.getHost(), gateway.getPort() < 0 ? 80 : gateway.getPort());
		this.host = host;
		this.target = target;
		this.rps = rps;
		this.timeout = timeout;
	}

	/** Starts sending; the load runs until {@link Running#stop()}. */
	public Running start() {
		return new Running();
	}

	/** A load being sent. */
	public final class Running {

		private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "tick"));

		private final ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT, r -> thread(r, "send"));

		private final Semaphore slots = new Semaphore(IN_FLIGHT);

		private final AtomicLong sent = new AtomicLong();

		private final AtomicLong skipped = new AtomicLong();

		private Running() {
			ticks.scheduleAtFixedRate(this::send, 0, 1_000_000 / rps, TimeUnit.MICROSECONDS);
		}

		private void send() {
			if (!slots.tryAcquire()) {
				skipped.incrementAndGet();
				return;
			}
			try {
				senders.execute(() -> {
					try {
						OneShotHttp.get(gateway, target, host, Map.of(), timeout);
						sent.incrementAndGet();
					}
					finally {
						slots.release();
					}
				});
			}
			catch (RejectedExecutionException ex) {
				slots.release();
			}
		}

		/** Stops sending, waits for requests in flight up to their timeout, and tells how many were sent. */
		public Result stop() {
			ticks.shutdownNow();
			senders.shutdown();
			try {
				if (!senders.awaitTermination(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
					senders.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				senders.shutdownNow();
				Thread.currentThread().interrupt();
			}
			return new Result(sent.get(), skipped.get());
		}

	}

	/**
	 * What a load did.
	 *
	 * @param sent requests that got an answer or gave up
	 * @param skipped requests not sent because {@link #IN_FLIGHT} were still waiting
	 */
	public record Result(long sent, long skipped) {
	}

	private static Thread thread(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, "canary-load-" + name);
		thread.setDaemon(true);
		return thread;
	}

}
