package io.graychain.appa.chain;

import io.graychain.support.hop.HopReport;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** appb, at the URL set in {@code spring.cloud.openfeign.client.config.appb.url}; the mesh routes. */
@FeignClient("appb")
interface AppbClient {

	@GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
	HopReport hello();

	@GetMapping(path = "/greet", produces = MediaType.APPLICATION_JSON_VALUE)
	HopReport greet(@RequestParam("name") String name);

}
