package io.graychain.forecast.weather;

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

/** forecast v2 with the read timeout it is configured with (application.yaml): a slow recommendation is a 504. */
@SpringBootTest(properties = "VERSION=v2")
@AutoConfigureMockMvc
@EnableWireMock(@ConfigureWireMock(name = "recommendation", configurationCustomizers = LoopbackWireMock.class,
		baseUrlProperties = "spring.cloud.openfeign.client.config.recommendation.url"))
class ForecastV2TimeoutTest {

	@Autowired
	MockMvc mvc;

	@InjectWireMock("recommendation")
	WireMockServer recommendation;

	@Test
	void aReplyPastTheReadTimeoutIsA504WithoutWaitingForIt() throws Exception {
		// The recommendation client waits 2 s (application.yaml); the reply would take 8 s. A 504 naming
		// recommendation means forecast answered at its timeout, without waiting for the reply.
		recommendation.stubFor(RecommendationStubs.answering().willReturn(okJson(RecommendationStubs.REPLY)
			.withFixedDelay(8_000)));
		mvc.perform(get("/forecast").param("city", "berlin"))
			.andExpect(status().is(504))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.hop").value("forecast:v2"))
			.andExpect(jsonPath("$.failedHop").value("recommendation"))
			.andExpect(jsonPath("$.chain").value("forecast:v2 > recommendation:!504"))
			.andExpect(jsonPath("$.detail").value(containsString("2000 ms")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

}
