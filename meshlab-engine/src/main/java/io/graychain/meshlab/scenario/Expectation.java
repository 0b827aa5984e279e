package io.graychain.meshlab.scenario;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A scenario's {@code expect.yaml}: what must answer for each request.
 *
 * @param goal the scenario's goal in one line
 * @param crossedChains whether a chain may mix versions
 * @param requests the requests and their expected chains
 */
public record Expectation(@JsonProperty(required = true) String goal, CrossedChains crossedChains,
		@JsonProperty(required = true) List<ExpectedRequest> requests) {

	public Expectation {
		crossedChains = crossedChains == null ? CrossedChains.ALLOWED : crossedChains;
		requests = List.copyOf(requests);
	}

	/** Whether a scenario forbids chains that mix versions ({@code appa:v2 > appb:v1}). */
	public enum CrossedChains {

		@JsonProperty("allowed")
		ALLOWED,

		@JsonProperty("forbidden")
		FORBIDDEN

	}

}
