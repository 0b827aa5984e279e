package io.graychain.frontend.weather;

import io.graychain.support.hop.HopReport;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The forecast service, at the URL set in {@code spring.cloud.openfeign.client.config.forecast.url}. */
@FeignClient("forecast")
interface ForecastClient {

	@GetMapping(path = "/forecast", produces = MediaType.APPLICATION_JSON_VALUE)
	HopReport forecast(@RequestParam("city") String city);

}
