package io.graychain.meshlab.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every request of a scenario checked.
 *
 * @param scenario the scenario name
 * @param checks one per request, in file order
 */
public record Verification(String scenario, List<RequestCheck> checks) {

	public Verification {
		checks = List.copyOf(checks);
	}

	public boolean passed() {
		return checks.stream().allMatch(RequestCheck::passed);
	}

	/** A readable report: one line per request, problems indented below. */
	public String report() {
		return scenario + ":\n" + checks.stream()
			.map(c -> "  " + (c.passed() ? "ok   " : "FAIL ") + c.request().name() + " -> " + c.actual()
					+ c.problems().stream().map(p -> "\n         " + p).collect(Collectors.joining()))
			.collect(Collectors.joining("\n"));
	}

}
