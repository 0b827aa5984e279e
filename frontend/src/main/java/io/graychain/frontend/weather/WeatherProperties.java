package io.graychain.frontend.weather;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.graychain.support.errors.BadInput;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The cities the page offers, by id (as forecast knows them) with their display names. */
@ConfigurationProperties("frontend.weather")
public record WeatherProperties(Map<String, String> cities) {

	public WeatherProperties {
		cities = (cities != null) ? new TreeMap<>(cities) : new TreeMap<>();
	}

	/** The city id when the page offers it, else a 400 listing the offered cities. */
	public String requireCity(String city) {
		String id = (city != null) ? city.strip().toLowerCase(Locale.ROOT) : null;
		if (id == null || !cities.containsKey(id)) {
			throw BadInput.badRequest("city must be one of: " + String.join(", ", cities.keySet()));
		}
		return id;
	}

}
