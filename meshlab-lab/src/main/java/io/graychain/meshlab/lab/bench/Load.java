package io.graychain.meshlab.lab.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;

/**
 * A closed-loop load: {@code connections} clients, each sending its next request when its last one
 * is answered, for a bounded time or count, to one loopback address. Latency from send to the end
 * of the reply, in a HdrHistogram (microseconds, 3 significant digits).
 *
 * @param port the loopback port requests go to (for a proxy: the proxy's, configured in the client)
 * @param host the Host header (for a forward proxy: the authority of the absolute target)
 * @param path the path
 * @param viaProxy whether the port is a forward proxy (a sidecar): the target is then absolute
 */
record Load(int port, String host, String path, boolean viaProxy) {

	/** What one run measured. */
	record Result(long requests, long errors, double seconds, org.HdrHistogram.Histogram latency) {

		double perSecond() {
			return requests / seconds;
		}

		double millis(double percentile) {
			return latency.getValueAtPercentile(percentile) / 1000.0;
		}

	}

	/** Runs {@code connections} loops until {@code within} passed or {@code maxRequests} were answered. */
	Result run(HttpClient client, int connections, Duration within, long maxRequests) throws InterruptedException {
		Recorder recorder = new Recorder(60_000_000L, 3);
		AtomicLong answered = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + within.toNanos();
		CountDownLatch done = new CountDownLatch(connections);
		for (int i = 0; i < connections; i++) {
			next(client, recorder, answered, errors, deadline, maxRequests, done);
		}
		if (!done.await(within.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("requests still open 30 s after the end of the run");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(answered.get(), errors.get(), seconds, recorder.getIntervalHistogram());
	}

	private void next(HttpClient client, Recorder recorder, AtomicLong answered, AtomicLong errors, long deadline,
			long maxRequests, CountDownLatch done) {
		if (System.nanoTime() >= deadline || answered.get() >= maxRequests) {
			done.countDown();
			return;
		}
		long sent = System.nanoTime();
		request(client).send(result -> {
			recorder.recordValue(Math.min((System.nanoTime() - sent) / 1000, 60_000_000L));
			answered.incrementAndGet();
			if (result.isFailed() || result.getResponse().getStatus() != 200) {
				errors.incrementAndGet();
			}
			next(client, recorder, answered, errors, deadline, maxRequests, done);
		});
	}

	/** Through a proxy, the client (configured with it) sends the absolute target {@code http://host/path}. */
	private Request request(HttpClient client) {
		Request request = viaProxy ? client.newRequest("http://" + host + path) : client.newRequest("127.0.0.1", port).path(path);
		return request.headers(h -> {
			h.put(HttpHeader.HOST, host);
			h.put(HttpHeader.ACCEPT, "text/plain");
		}).timeout(30, TimeUnit.SECONDS);
	}

}
