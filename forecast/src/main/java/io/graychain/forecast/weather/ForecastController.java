package io.graychain.forecast.weather;

import io.graychain.support.hop.HopReport;
import io.graychain.support.hop.HopReporter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** forecast is the middle of the weather chain: its forecast, with recommendations in v2. */
@RestController
class ForecastController {

	private final ForecastCatalog catalog;

	private final Recommender recommender;

	private final HopReporter reporter;

	ForecastController(ForecastCatalog catalog, Recommender recommender, HopReporter reporter) {
		this.catalog = catalog;
		this.recommender = recommender;
		this.reporter = reporter;
	}

	@GetMapping("/forecast")
	HopReport forecast(@RequestParam(required = false) String city) {
		Forecast forecast = catalog.forecast(city);
		return reporter.report(forecast, recommender.recommend(forecast));
	}

}
