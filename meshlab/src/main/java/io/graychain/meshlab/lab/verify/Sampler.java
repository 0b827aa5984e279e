package io.graychain.meshlab.lab.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.OneShotHttp;
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
	 * chain (an error) the first body that came with it.
	 */
	public record Sample(Map<String, Integer> counts, Map<String, String> errors) {
	}

	/** Sends {@code times} copies of {@code request}. */
	public Sample sample(ExpectedRequest request, int times) {
		Map<String, String> errors = new java.util.concurrent.ConcurrentHashMap<>();
		String target = Sender.pathAndQuery(request.path(), request.query());
		Map<String, String> headers = Sender.withCookies(request.headers(), request.cookies());
		List<Future<Map<String, Integer>>> parts = new ArrayList<>();
		for (int worker = 0; worker < concurrency; worker++) {
			int share = times / concurrency + (worker < times % concurrency ? 1 : 0);
			parts.add(pool.submit(() -> {
				Map<String, Integer> counts = new LinkedHashMap<>();
				for (int i = 0; i < share; i++) {
					OneShotHttp.Reply reply = sender.send(request.entry(), request.host(), target, headers);
					ChainLine chain = ChainLine.of(reply);
					counts.merge(chain.text(), 1, Integer::sum);
					if (chain.hops().isEmpty()) {
						errors.putIfAbsent(chain.text(), reply.body().strip().lines().findFirst().orElse(""));
					}
				}
				return counts;
			}));
		}
		Map<String, Integer> total = new LinkedHashMap<>();
		for (Future<Map<String, Integer>> part : parts) {
			try {
				part.get().forEach((chain, count) -> total.merge(chain, count, Integer::sum));
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("sending failed: " + ex.getCause().getMessage(), ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
		Map<String, Integer> sorted = new LinkedHashMap<>();
		total.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return new Sample(sorted, errors);
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

}
