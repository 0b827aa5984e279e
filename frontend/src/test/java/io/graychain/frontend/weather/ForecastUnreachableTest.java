package io.graychain.frontend.weather;

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

/** The forecast service down: a 503 naming it, and the frontend keeps serving. */
@SpringBootTest
@AutoConfigureMockMvc
class ForecastUnreachableTest {

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void closedPort(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.openfeign.client.config.forecast.url", Http::closedPortUrl);
	}

	@Test
	void connectionRefusedIsA503NamingForecast() throws Exception {
		for (int attempt = 0; attempt < 2; attempt++) {
			mvc.perform(get("/api/forecast").param("city", "oslo"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.failedHop").value("forecast"))
				.andExpect(jsonPath("$.chain").value("frontend:v1 > forecast:!503"))
				.andExpect(jsonPath("$.detail").value("forecast is unreachable"));
		}
		mvc.perform(get("/api/ui")).andExpect(status().isOk());
	}

}
