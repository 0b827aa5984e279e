package io.graychain.meshlab.scenario;

import java.util.List;

import io.graychain.meshlab.chain.ChainShares;

/**
 * The engine's answer to one expected request.
 *
 * @param request the expected request
 * @param actual the chains the engine computed, with exact shares
 * @param problems what differs from the expectation; empty when it holds
 */
public record RequestCheck(ExpectedRequest request, ChainShares actual, List<String> problems) {

	public RequestCheck {
		problems = List.copyOf(problems);
	}

	public boolean passed() {
		return problems.isEmpty();
	}

}
