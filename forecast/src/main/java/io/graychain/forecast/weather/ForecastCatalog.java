package io.graychain.forecast.weather;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.graychain.support.errors.BadInput;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deterministic sample forecasts, from {@code application.yaml}, by city id. The same city
 * always gets the same forecast, so a learner comparing versions compares like with like.
 */
@ConfigurationProperties("forecast.catalog")
public record ForecastCatalog(Map<String, CityWeather> cities) {

	/** The sample weather of one city. */
	public record CityWeather(String name, String weather, int highC, int lowC) {
	}

	public ForecastCatalog {
		cities = (cities != null) ? new TreeMap<>(cities) : new TreeMap<>();
	}

	/** The forecast for a known city id, or a 400 listing the known cities. */
	public Forecast forecast(String city) {
		String id = (city != null) ? city.strip().toLowerCase(Locale.ROOT) : null;
		CityWeather known = (id != null) ? cities.get(id) : null;
		if (known == null) {
			throw BadInput.badRequest("city must be one of: " + String.join(", ", cities.keySet()));
		}
		return new Forecast(id, known.name(), known.weather(), known.highC(), known.lowC());
	}

}
