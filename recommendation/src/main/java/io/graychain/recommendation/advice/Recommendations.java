package io.graychain.recommendation.advice;

import java.util.List;

/** What to do in a city in a given weather: a few suggestions, the first for the weather. */
public record Recommendations(String city, String weather, List<String> items) {

	public Recommendations {
		items = List.copyOf(items);
	}

}
