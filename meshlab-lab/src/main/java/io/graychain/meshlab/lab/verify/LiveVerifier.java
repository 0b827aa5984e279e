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

	private final SeenByCheck seenBy;

	/** A verifier that cannot read the versions' own counts: {@code seenBy} is reported not checked. */
	public LiveVerifier(Sender sender, Set<String> lanes, Settings settings) {
		this(sender, lanes, settings, null, "a version's own /actuator/prometheus is read in the lab only");
	}

	/**
	 * @param served the versions' own request counts for {@code seenBy}, or null where they cannot be read
	 * @param refusal why they cannot be read, when {@code served} is null
	 */
	public LiveVerifier(Sender sender, Set<String> lanes, Settings settings, ServedCounts served, String refusal) {
		this.sender = sender;
		this.lanes = Set.copyOf(lanes);
		this.settings = settings;
		this.seenBy = new SeenByCheck(served, refusal);
	}

	public LiveReport verify(String scenario, Expectation expectation) {
		long weightedChains = expectation.requests().stream().filter(r -> r.shares().size() > 1)
			.mapToLong(r -> r.shares().size()).sum() + SeenByCheck.drawn(expectation)
				+ expectation.requests().stream().filter(r -> r.statuses() != null && !r.statuses().single())
					.mapToLong(r -> r.statuses().shares().size()).sum();
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
				boolean weighted = request.shares().size() > 1 || (request.statuses() != null && !request.statuses().single());
				try {
					if (request.loadStep().isPresent()) {
						results.add(LoadStepCheck.check(sender, request, request.loadStep().get(), alphaEach, title(request)));
						continue;
					}
					Map<String, Long> before = seenBy.before(request);
					int n = weighted ? settings.samples() : settings.repeats();
					Sampler.Sample sample = sampler.sample(request, n);
					results.add(seenBy.check(request, before, n, alphaEach, check(request, sample, weighted, alphaEach, noCrossing)));
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
		boolean ok = OutcomeLines.statuses(request, sample, weighted ? alphaEach : 0, lines);
		ok &= OutcomeLines.latency(request, sample, lines);
		if (request.shares().isEmpty()) {
			return new LiveReport.Result(title(request), ok ? LiveReport.Outcome.OK : LiveReport.Outcome.FAIL, lines);
		}
		for (Map.Entry<String, BigDecimal> expected : request.shares().entrySet()) {
			int count = counts.getOrDefault(expected.getKey(), 0);
			double p = expected.getValue().doubleValue() / 100;
			AcceptanceInterval interval = AcceptanceInterval.of(n, p, request.shares().size() > 1 ? alphaEach : 0);
			boolean fine = interval.accepts(count);
			ok &= fine;
			lines.add(String.format("%s %-50s %4d/%d = %5.1f%%  expected %s%%%s", fine ? " " : "x", expected.getKey(), count, n,
					100.0 * count / n, expected.getValue().toPlainString(), request.shares().size() > 1 ? ", accepted " + interval.percentRange() : ""));
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
