package io.graychain.meshlab.lab.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.SendFailure;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.scenario.ExpectedRequest;

/** Sends one expected request many times, a few at a time, and counts the chains that answered. */
public final class Sampler implements AutoCloseable {

	private final Sender sender;

	private final ExecutorService pool;

	private final int concurrency;

	public Sampler(Sender sender, int concurrency) {
		this.sender = sender;
		this.concurrency = Math.max(1, concurrency);
		this.pool = Executors.newFixedThreadPool(this.concurrency, r -> {
			Thread thread = new Thread(r, "verify");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * What answered: the count of each chain, most frequent first, and for each reply that was no
	 * chain (an error) the first body that came with it; the count of each final status; each
	 * request's time, where it was measured here (not for requests sent from a pod).
	 */
	public record Sample(Map<String, Integer> counts, Map<String, String> errors, Map<Integer, Integer> statuses,
			List<Duration> times) {

		public Sample(Map<String, Integer> counts, Map<String, String> errors) {
			this(counts, errors, Map.of(), List.of());
		}

		public Sample {
			statuses = Map.copyOf(statuses);
			times = List.copyOf(times);
		}

	}

	/**
	 * Sends {@code times} copies of {@code request}: a few at a time, or, from a pod on a cluster, in
	 * batches one after the other (one probe at a time beside the app in that pod).
	 *
	 * @throws SendFailure when requests could not be sent at all
	 */
	public Sample sample(ExpectedRequest request, int times) {
		Map<String, String> errors = new ConcurrentHashMap<>();
		String target = Sender.pathAndQuery(request.path(), request.query());
		Map<String, String> headers = Sender.withCookies(request.headers(), request.cookies());
		Map<String, Integer> total = new LinkedHashMap<>();
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		List<Duration> took = Collections.synchronizedList(new ArrayList<>());
		if (sender.fromPod(request.entry())) {
			sender.pods().send(request.entry(), request.host(), target, headers, times)
				.forEach(reply -> count(reply, total, errors, statuses));
			return sorted(total, errors, statuses, took);
		}
		List<Future<Map<String, Integer>>> parts = new ArrayList<>();
		for (int worker = 0; worker < concurrency; worker++) {
			int share = times / concurrency + (worker < times % concurrency ? 1 : 0);
			parts.add(pool.submit(() -> {
				Map<String, Integer> counts = new LinkedHashMap<>();
				for (int i = 0; i < share; i++) {
					long started = System.nanoTime();
					OneShotHttp.Reply reply = sender.send(request.entry(), request.host(), target, headers);
					took.add(Duration.ofNanos(System.nanoTime() - started));
					count(reply, counts, errors, statuses);
				}
				return counts;
			}));
		}
		for (Future<Map<String, Integer>> part : parts) {
			try {
				part.get().forEach((chain, count) -> total.merge(chain, count, Integer::sum));
			}
			catch (ExecutionException ex) {
				parts.forEach(p -> p.cancel(true));
				if (ex.getCause() instanceof SendFailure failure) {
					throw failure;
				}
				throw new IllegalStateException("sending failed: " + ex.getCause().getMessage(), ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
		return sorted(total, errors, statuses, took);
	}

	/** Counts the chain of {@code reply}; for the first reply that was no chain of its kind, keeps its body. */
	private static void count(OneShotHttp.Reply reply, Map<String, Integer> counts, Map<String, String> errors,
			Map<Integer, Integer> statuses) {
		statuses.merge(reply.status(), 1, Integer::sum);
		ChainLine chain = ChainLine.of(reply);
		counts.merge(chain.text(), 1, Integer::sum);
		if (chain.hops().isEmpty()) {
			errors.putIfAbsent(chain.text(), reply.body().strip().lines().findFirst().orElse(""));
		}
	}

	private static Sample sorted(Map<String, Integer> total, Map<String, String> errors, Map<Integer, Integer> statuses,
			List<Duration> took) {
		Map<String, Integer> sorted = new LinkedHashMap<>();
		total.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return new Sample(sorted, errors, statuses, took);
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

}
