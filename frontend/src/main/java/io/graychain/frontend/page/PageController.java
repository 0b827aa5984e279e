package io.graychain.frontend.page;

import io.graychain.frontend.weather.WeatherProperties;
import io.graychain.support.hop.HopReport;
import io.graychain.support.hop.HopReporter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page's settings for this version, as a hop report of the frontend alone, so the page can
 * show which frontend served it before any forecast is asked for.
 */
@RestController
class PageController {

	private final PageProperties page;

	private final WeatherProperties weather;

	private final HopReporter reporter;

	PageController(PageProperties page, WeatherProperties weather, HopReporter reporter) {
		this.page = page;
		this.weather = weather;
		this.reporter = reporter;
	}

	@GetMapping("/api/ui")
	HopReport settings() {
		var cities = weather.cities().entrySet().stream()
			.map(city -> new PageSettings.City(city.getKey(), city.getValue()))
			.toList();
		return reporter.report(new PageSettings(page.buttonColor(), cities));
	}

}
