package io.graychain.forecast.recommendation;

import io.graychain.support.hop.HopReport;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The recommendation service, at the URL set in
 * {@code spring.cloud.openfeign.client.config.recommendation.url}; the mesh routes.
 */
@FeignClient("recommendation")
interface RecommendationClient {

	@GetMapping(path = "/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
	HopReport recommendations(@RequestParam("city") String city, @RequestParam("weather") String weather);

}
