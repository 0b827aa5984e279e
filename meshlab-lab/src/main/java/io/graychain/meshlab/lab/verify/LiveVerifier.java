package io.graychain.meshlab.lab.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.SendFailure;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.scenario.Expectation;
import io.graychain.meshlab.scenario.ExpectedRequest;

/**
 * Checks a scenario's expectation against running services: every request sent for real, the chains
 * that answered counted. A request with one expected chain must get exactly that chain every time; a
 * weighted one must land every chain's count inside its {@link AcceptanceInterval}, the false-failure
 * probability {@code alpha} shared out over all weighted chains of the file (Bonferroni), so that a
 * correct rule fails a whole run less often than {@code alpha}. Where the scenario forbids crossed
 * chains, none may show up.
 */
public final class LiveVerifier {

	/**
	 * @param samples requests per weighted request
	 * @param repeats requests per request with one expected chain
	 * @param alpha the largest chance that a correct rule fails this run, e.g. 0.001
	 * @param concurrency requests in flight at once
	 */
	public record Settings(int samples, int repeats, double alpha, int concurrency) {

		public static final Settings DEFAULT = new Settings(1000, 20, 0.001, 4);

	}

	private final Sender sender;

	private final Set<String> lanes;

	private final Settings settings;

	public LiveVerifier(Sender sender, Set<String> lanes, Settings settings) {
		this.sender = sender;
		this.lanes = Set.copyOf(lanes);
		this.settings = settings;
	}

	public LiveReport verify(String scenario, Expectation expectation) {
		long weightedChains = expectation.requests().stream().filter(r -> r.shares().size() > 1)
			.mapToLong(r -> r.shares().size()).sum();
		double alphaEach = settings.alpha() / Math.max(1, weightedChains);
		boolean noCrossing = expectation.crossedChains() == Expectation.CrossedChains.FORBIDDEN;
		List<LiveReport.Result> results = new ArrayList<>();
		try (Sampler sampler = new Sampler(sender, settings.concurrency())) {
			for (ExpectedRequest request : expectation.requests()) {
				if (!sender.canSend(request.entry())) {
					results.add(new LiveReport.Result(request.name(), LiveReport.Outcome.SKIP, List.of("entry '" + request.entry()
							+ "' is a workload inside the mesh: not checkable from outside (the lab sends it through its"
							+ " sidecar; on a cluster, scripts/verify --cluster sends it from the workload's pod)")));
					continue;
				}
				boolean weighted = request.shares().size() > 1;
				try {
					Sampler.Sample sample = sampler.sample(request, weighted ? settings.samples() : settings.repeats());
					results.add(check(request, sample, weighted, alphaEach, noCrossing));
				}
				catch (SendFailure ex) {
					results.add(new LiveReport.Result(title(request), LiveReport.Outcome.FAIL, List.of("x " + ex.getMessage())));
				}
			}
		}
		return new LiveReport(scenario, sender.describe(), settings.alpha(), alphaEach, results);
	}

	private static String title(ExpectedRequest request) {
		return request.name() + " (" + request.entry() + " -> " + request.host() + request.path() + ")";
	}

	private LiveReport.Result check(ExpectedRequest request, Sampler.Sample sample, boolean weighted, double alphaEach,
			boolean noCrossing) {
		Map<String, Integer> counts = sample.counts();
		int n = counts.values().stream().mapToInt(Integer::intValue).sum();
		List<String> lines = new ArrayList<>();
		boolean ok = true;
		for (Map.Entry<String, BigDecimal> expected : request.shares().entrySet()) {
			int count = counts.getOrDefault(expected.getKey(), 0);
			double p = expected.getValue().doubleValue() / 100;
			AcceptanceInterval interval = AcceptanceInterval.of(n, p, weighted ? alphaEach : 0);
			boolean fine = interval.accepts(count);
			ok &= fine;
			lines.add(String.format("%s %-50s %4d/%d = %5.1f%%  expected %s%%%s", fine ? " " : "x", expected.getKey(), count, n,
					100.0 * count / n, expected.getValue().toPlainString(), weighted ? ", accepted " + interval.percentRange() : ""));
		}
		for (Map.Entry<String, Integer> seen : counts.entrySet()) {
			if (!request.shares().containsKey(seen.getKey())) {
				ok = false;
				boolean crossed = new ChainLine(seen.getKey()).crossed(lanes);
				String error = sample.errors().containsKey(seen.getKey()) ? ": " + sample.errors().get(seen.getKey()) : "";
				lines.add(String.format("x %-50s %4d/%d   unexpected%s%s", seen.getKey(), seen.getValue(), n,
						crossed ? ", CROSSED" : "", error));
			}
		}
		long crossed = counts.entrySet().stream().filter(e -> new ChainLine(e.getKey()).crossed(lanes))
			.mapToLong(Map.Entry::getValue).sum();
		if (noCrossing && crossed > 0) {
			ok = false;
			lines.add("x " + crossed + " crossed chain(s), and this scenario forbids any");
		}
		return new LiveReport.Result(title(request), ok ? LiveReport.Outcome.OK : LiveReport.Outcome.FAIL, lines);
	}

}
