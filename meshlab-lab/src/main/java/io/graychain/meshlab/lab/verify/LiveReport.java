package io.graychain.meshlab.lab.verify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a live verification found, readable.
 *
 * @param scenario the scenario
 * @param url where it was checked: the gateway URL, and how in-mesh requests were sent where not by the lab
 * @param alpha the largest chance that a correct scenario fails the run
 * @param alphaEach the false-failure probability each weighted chain was checked with
 * @param results one per request, in file order
 */
public record LiveReport(String scenario, String url, double alpha, double alphaEach, List<Result> results) {

	public LiveReport {
		results = List.copyOf(results);
	}

	/** How one request fared. */
	public enum Outcome {
		OK, FAIL, SKIP
	}

	/**
	 * @param request the request, named
	 * @param outcome how it fared
	 * @param lines the chains seen, against what was expected
	 */
	public record Result(String request, Outcome outcome, List<String> lines) {

		public Result {
			lines = List.copyOf(lines);
		}

	}

	/** True when no request failed (skipped ones do not fail). */
	public boolean passed() {
		return results.stream().noneMatch(r -> r.outcome() == Outcome.FAIL);
	}

	public String text() {
		String body = results.stream().map(r -> String.format("  %-4s %s%n", r.outcome(), r.request())
				+ r.lines().stream().map(l -> "         " + l + "\n").collect(Collectors.joining()))
			.collect(Collectors.joining());
		long count = results.size();
		long failed = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
		long skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIP).count();
		return "verify " + scenario + " against " + url + "\n" + body
				+ String.format("  weighted shares: each accepted range holds a correct rule's count with probability >= 1 - %.2g,%n"
						+ "  so a correct scenario fails a run with probability < %.2g%n", alphaEach, alpha)
				+ (passed() ? "PASS" : "FAIL") + ": " + (count - failed - skipped) + " ok, " + failed + " failed, " + skipped
				+ " skipped of " + count + " requests\n";
	}

}
