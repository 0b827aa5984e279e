package io.graychain.meshlab.lab.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.SendFailure;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.scenario.ExpectedRequest;
import io.graychain.meshlab.scenario.ExpectedStatuses;
import io.graychain.meshlab.scenario.LoadStep;

/**
 * An expected request sent as a load step ({@code concurrency}, {@code count}): that many requests,
 * that many connections at once, each reply's status counted; every status the expectation names
 * {@code some} must show at least once, a percentage within its acceptance interval, and no other
 * status may show; the 200 replies must show the expected chain (or shares).
 */
final class LoadStepCheck {

	private LoadStepCheck() {
	}

	static LiveReport.Result check(Sender sender, ExpectedRequest request, LoadStep step, double alpha, String title) {
		Map<Integer, Integer> statuses = new TreeMap<>();
		Map<String, Integer> chains = new TreeMap<>();
		send(sender, request, step, (status, chain) -> {
			synchronized (statuses) {
				statuses.merge(status, 1, Integer::sum);
				if (status == 200) {
					chains.merge(chain, 1, Integer::sum);
				}
			}
		});
		List<String> lines = new ArrayList<>();
		lines.add(String.format("  %d requests, %d at once", step.count(), step.concurrency()));
		boolean ok = true;
		ExpectedStatuses wanted = request.statuses();
		java.util.Set<Integer> named = wanted == null ? java.util.Set.of() : wanted.statuses();
		// alpha is already this file's share per checked share (LiveVerifier counts a load step's shares too)
		double alphaEach = alpha;
		for (int status : named) {
			int count = statuses.getOrDefault(status, 0);
			boolean fine;
			String shown;
			if (wanted.some().contains(status)) {
				fine = count > 0;
				shown = ExpectedStatuses.SOME;
			}
			else {
				BigDecimal share = wanted.shares().get(status);
				AcceptanceInterval interval = AcceptanceInterval.of(step.count(), share.doubleValue() / 100, alphaEach);
				fine = interval.accepts(count);
				shown = share.toPlainString() + "%, accepted " + interval.percentRange();
			}
			ok &= fine;
			lines.add(String.format("%s status %-42s %4d/%d  expected %s", fine ? " " : "x", status, count, step.count(), shown));
		}
		for (Map.Entry<Integer, Integer> seen : statuses.entrySet()) {
			if (!named.isEmpty() && !named.contains(seen.getKey())) {
				ok = false;
				lines.add(String.format("x status %-42s %4d/%d  unexpected", seen.getKey(), seen.getValue(), step.count()));
			}
		}
		int ok200 = statuses.getOrDefault(200, 0);
		boolean weighted = request.shares().size() > 1;
		for (Map.Entry<String, BigDecimal> expected : request.shares().entrySet()) {
			int count = chains.getOrDefault(expected.getKey(), 0);
			AcceptanceInterval interval = AcceptanceInterval.of(ok200, expected.getValue().doubleValue() / 100, weighted ? alphaEach : 0);
			boolean fine = ok200 == 0 || interval.accepts(count);
			ok &= fine;
			lines.add(String.format("%s %-49s %4d/%d of the 200s, expected %s%%", fine ? " " : "x", expected.getKey(), count, ok200,
					expected.getValue().toPlainString()));
		}
		for (Map.Entry<String, Integer> seen : chains.entrySet()) {
			if (!request.shares().containsKey(seen.getKey())) {
				ok = false;
				lines.add(String.format("x %-49s %4d/%d of the 200s, unexpected", seen.getKey(), seen.getValue(), ok200));
			}
		}
		return new LiveReport.Result(title, ok ? LiveReport.Outcome.OK : LiveReport.Outcome.FAIL, lines);
	}

	private interface Reply {

		void seen(int status, String chain);

	}

	private static void send(Sender sender, ExpectedRequest request, LoadStep step, Reply reply) {
		String target = Sender.pathAndQuery(request.path(), request.query());
		Map<String, String> headers = Sender.withCookies(request.headers(), request.cookies());
		if (sender.fromPod(request.entry())) {
			// from a pod on a cluster: one probe at a time beside the app, all of the step in one batch
			sender.pods().send(request.entry(), request.host(), target, headers, step.count())
				.forEach(r -> reply.seen(r.status(), ChainLine.of(r).text()));
			return;
		}
		AtomicInteger left = new AtomicInteger(step.count());
		Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(step.concurrency(), r -> {
			Thread thread = new Thread(r, "verify-load");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < step.concurrency(); i++) {
				workers.add(pool.submit(() -> {
					while (left.getAndDecrement() > 0) {
						OneShotHttp.Reply r = sender.send(request.entry(), request.host(), target, headers);
						reply.seen(r.status(), ChainLine.of(r).text());
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (ExecutionException ex) {
			failures.put(0, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		finally {
			pool.shutdownNow();
		}
		if (failures.get(0) instanceof SendFailure failure) {
			throw failure;
		}
		if (failures.get(0) != null) {
			throw new IllegalStateException("sending failed: " + failures.get(0).getMessage(), failures.get(0));
		}
	}

}
