package io.graychain.recommendation.advice;

import io.graychain.support.hop.HopReport;
import io.graychain.support.hop.HopReporter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** recommendation is the end of the weather chain: it reports itself and its recommendations. */
@RestController
class RecommendationController {

	private final RecommendationCatalog catalog;

	private final HopReporter reporter;

	RecommendationController(RecommendationCatalog catalog, HopReporter reporter) {
		this.catalog = catalog;
		this.reporter = reporter;
	}

	@GetMapping("/recommendations")
	HopReport recommendations(@RequestParam(required = false) String city,
			@RequestParam(required = false) String weather) {
		return reporter.report(catalog.recommend(city, weather));
	}

}
