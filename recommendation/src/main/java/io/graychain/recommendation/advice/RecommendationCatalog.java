package io.graychain.recommendation.advice;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.graychain.support.errors.BadInput;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deterministic sample data, from {@code application.yaml}: suggestions per weather, and one
 * local tip per city. The same city and weather always give the same recommendations.
 */
@ConfigurationProperties("recommendation.catalog")
public record RecommendationCatalog(Map<String, List<String>> byWeather, Map<String, String> cityTips) {

	public RecommendationCatalog {
		byWeather = (byWeather != null) ? Map.copyOf(byWeather) : Map.of();
		cityTips = (cityTips != null) ? Map.copyOf(cityTips) : Map.of();
	}

	/** The recommendations, or a 400 naming the accepted values when city or weather is unknown. */
	public Recommendations recommend(String city, String weather) {
		String tip = (city != null) ? cityTips.get(city) : null;
		if (tip == null) {
			throw BadInput.badRequest("city must be one of: " + accepted(cityTips.keySet().stream()));
		}
		List<String> forWeather = (weather != null) ? byWeather.get(weather) : null;
		if (forWeather == null) {
			throw BadInput.badRequest("weather must be one of: " + accepted(byWeather.keySet().stream()));
		}
		return new Recommendations(city, weather, Stream.concat(forWeather.stream(), Stream.of(tip)).toList());
	}

	private static String accepted(Stream<String> values) {
		return String.join(", ", values.sorted().toList());
	}

}
