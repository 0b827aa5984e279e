package io.graychain.frontend.weather;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import io.graychain.support.test.LoopbackWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The frontend with the read timeout it is configured with (3 s): a slow forecast is a 504 naming it. */
@SpringBootTest(properties = "server.address=127.0.0.1")
@AutoConfigureMockMvc
@EnableWireMock(@ConfigureWireMock(name = "forecast", configurationCustomizers = LoopbackWireMock.class,
		baseUrlProperties = "spring.cloud.openfeign.client.config.forecast.url"))
class ForecastTimeoutTest {

	@Autowired
	MockMvc mvc;

	@InjectWireMock("forecast")
	WireMockServer forecast;

	@Test
	void aReplyPastTheReadTimeoutIsA504WithoutWaitingForIt() throws Exception {
		// forecast would answer after 10 s: a 504 naming forecast means the frontend answered at its
		// timeout, without waiting for the reply (no wall-clock bound: a busy machine would make it flaky).
		forecast.stubFor(ForecastReplies.answeringV2()
			.willReturn(okJson(ForecastReplies.V2_WITH_RECOMMENDATIONS).withFixedDelay(10_000)));
		mvc.perform(get("/api/forecast").param("city", "berlin"))
			.andExpect(status().is(504))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.hop").value("frontend:v1"))
			.andExpect(jsonPath("$.failedHop").value("forecast"))
			.andExpect(jsonPath("$.chain").value("frontend:v1 > forecast:!504"))
			.andExpect(jsonPath("$.detail").value(containsString("3000 ms")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

}
