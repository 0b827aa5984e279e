package io.graychain.meshlab.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A scenario's {@code expect.yaml}: what must answer for each request.
 *
 * @param goal the scenario's goal in one line
 * @param crossedChains whether a chain may mix versions
 * @param requests the requests and their expected chains
 * @param environment what the scenario sets in Deployments' environments before its requests
 *        ({@code scripts/lab set-env}, {@code kubectl set env}): Deployment, then variable and value
 */
public record Expectation(@JsonProperty(required = true) String goal, CrossedChains crossedChains,
		@JsonProperty(required = true) List<ExpectedRequest> requests, Map<String, Map<String, String>> environment) {

	public Expectation {
		crossedChains = crossedChains == null ? CrossedChains.ALLOWED : crossedChains;
		requests = List.copyOf(requests);
		environment = environment == null ? Map.of() : new LinkedHashMap<>(environment);
	}

	public Expectation(String goal, CrossedChains crossedChains, List<ExpectedRequest> requests) {
		this(goal, crossedChains, requests, null);
	}

	/** Whether a scenario forbids chains that mix versions ({@code appa:v2 > appb:v1}). */
	public enum CrossedChains {

		@JsonProperty("allowed")
		ALLOWED,

		@JsonProperty("forbidden")
		FORBIDDEN

	}

}
