package io.graychain.frontend.weather;

import io.graychain.support.hop.HopReport;
import io.graychain.support.hop.HopReporter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The entry of the weather chain, for the page and for curl loops: calls forecast and reports the
 * whole chain, as JSON or, for {@code Accept: text/plain}, as one line.
 */
@RestController
class WeatherController {

	private final WeatherProperties properties;

	private final ForecastClient forecast;

	private final HopReporter reporter;

	WeatherController(WeatherProperties properties, ForecastClient forecast, HopReporter reporter) {
		this.properties = properties;
		this.forecast = forecast;
		this.reporter = reporter;
	}

	@GetMapping("/api/forecast")
	HopReport forecast(@RequestParam(required = false) String city) {
		return reporter.report(null, forecast.forecast(properties.requireCity(city)));
	}

}
