package io.graychain.forecast.weather;

import org.junit.jupiter.api.Test;

import io.graychain.support.test.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** forecast v2 with the recommendation service down: a 503 naming it, and forecast keeps serving. */
@SpringBootTest(properties = "VERSION=v2")
@AutoConfigureMockMvc
class ForecastV2UnreachableTest {

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void closedPort(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.openfeign.client.config.recommendation.url", Http::closedPortUrl);
	}

	@Test
	void connectionRefusedIsA503NamingRecommendation() throws Exception {
		for (int attempt = 0; attempt < 2; attempt++) {
			mvc.perform(get("/forecast").param("city", "oslo"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.failedHop").value("recommendation"))
				.andExpect(jsonPath("$.chain").value("forecast:v2 > recommendation:!503"))
				.andExpect(jsonPath("$.detail").value("recommendation is unreachable"));
		}
		mvc.perform(get("/forecast").param("city", "atlantis")).andExpect(status().isBadRequest());
	}

}
