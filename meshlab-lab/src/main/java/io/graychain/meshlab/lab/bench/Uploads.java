package io.graychain.meshlab.lab.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Large uploads through the ingress gateway while another load runs: {@code loops} clients, each
 * POSTing a {@code body} of zeros as soon as its last one is answered, until stopped. Whatever the
 * pod answers (a service with no POST mapping replies 405 and reads at most Tomcat's swallow limit of
 * the body, then closes the connection), the proxy streams the body, so what matters is what the
 * uploads cost the other requests: the data plane must not buffer them (issue 10's finding: four
 * uploads cut everyone's throughput by 4× when the old gateway read whole bodies into memory). As a
 * reply may come before the whole body was sent, {@link Sent} counts the bytes handed to the
 * connection, 64 KiB at a time ({@link CountedBody}), not uploads times their size.
 *
 * @param port the gateway's loopback port
 * @param host the Host header
 * @param path the path
 * @param loops how many uploads at once
 * @param body the body of every upload (shared, never written)
 */
record Uploads(int port, String host, String path, int loops, byte[] body) {

	/**
	 * What the uploads did while they ran.
	 *
	 * @param uploads uploads answered (any status) or failed
	 * @param bytes body bytes handed to the connections to the gateway (a socket's buffer more than arrived)
	 */
	record Sent(long uploads, long bytes) {

		/** The bytes in MiB, rounded down. */
		long mib() {
			return bytes / (1024 * 1024);
		}

	}

	/** A running set of upload loops; {@link #stop()} waits for the uploads in flight, at most 30 s. */
	final class Running {

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final AtomicLong uploads = new AtomicLong();

		private final AtomicLong bytes = new AtomicLong();

		private final CountDownLatch done = new CountDownLatch(loops);

		private void next(HttpClient client) {
			if (stopped.get()) {
				done.countDown();
				return;
			}
			client.newRequest("127.0.0.1", port).method(HttpMethod.POST).path(path)
				.headers(h -> h.put(HttpHeader.HOST, host))
				.body(new CountedBody(body, bytes))
				.timeout(60, TimeUnit.SECONDS)
				.send(result -> {
					uploads.incrementAndGet();
					next(client);
				});
		}

		Sent stop() throws InterruptedException {
			stopped.set(true);
			if (!done.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("uploads still open 30 s after the end of the run");
			}
			return new Sent(uploads.get(), bytes.get());
		}

	}

	Running start(HttpClient client) {
		Running running = new Running();
		for (int i = 0; i < loops; i++) {
			running.next(client);
		}
		return running;
	}

}
