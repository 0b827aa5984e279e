package io.graychain.forecast.weather;

import io.graychain.support.hop.HopReport;

/**
 * Where recommendations for a forecast come from: nowhere in v1, the recommendation service in
 * v2 ({@code forecast.recommendations.enabled}). The reply of that hop is nested as downstream.
 */
@FunctionalInterface
public interface Recommender {

	/** The hop report of the recommendation service, or null when recommendations are off. */
	HopReport recommend(Forecast forecast);

}
