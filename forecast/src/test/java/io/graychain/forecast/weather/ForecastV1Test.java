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
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** forecast v1: its own forecast only; it never calls the recommendation service. */
@SpringBootTest
@AutoConfigureMockMvc
@EnableWireMock(@ConfigureWireMock(name = "recommendation", configurationCustomizers = LoopbackWireMock.class,
		baseUrlProperties = "spring.cloud.openfeign.client.config.recommendation.url"))
class ForecastV1Test {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@InjectWireMock("recommendation")
	WireMockServer recommendation;

	@Test
	void hasNoRecommendationClientAtAll() {
		assertThat(context.getBeanNamesForAnnotation(FeignClient.class)).isEmpty();
	}

	@Test
	void forecastsFromSampleDataWithoutCallingRecommendation() throws Exception {
		recommendation.stubFor(RecommendationStubs.answering());
		mvc.perform(get("/forecast").param("city", "lisbon"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.chain").value("forecast:v1"))
			.andExpect(jsonPath("$.version").value("v1"))
			.andExpect(jsonPath("$.data.city").value("lisbon"))
			.andExpect(jsonPath("$.data.name").value("Lisbon"))
			.andExpect(jsonPath("$.data.weather").value("sunny"))
			.andExpect(jsonPath("$.data.highC").value(24))
			.andExpect(jsonPath("$.data.lowC").value(16))
			.andExpect(jsonPath("$.downstream").doesNotExist());
		recommendation.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void cityIdsIgnoreCaseAndSurroundingSpace() throws Exception {
		mvc.perform(get("/forecast").param("city", " Lisbon "))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.city").value("lisbon"));
	}

	@Test
	void answersTheChainAsOneLineForText() throws Exception {
		mvc.perform(get("/forecast").param("city", "oslo").accept(MediaType.TEXT_PLAIN))
			.andExpect(status().isOk())
			.andExpect(content().string("forecast:v1\n"));
	}

	@Test
	void unknownOrMissingCityIsA400ListingTheKnownCities() throws Exception {
		for (String city : new String[] { "atlantis", "", "<script>alert(1)</script>", "berlin2" }) {
			mvc.perform(get("/forecast").param("city", city))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("city must be one of: amsterdam, berlin, lisbon, oslo, shanghai"))
				.andExpect(content().string(not(containsString("<script>"))));
		}
		mvc.perform(get("/forecast")).andExpect(status().isBadRequest());
	}

	@Test
	void unknownPathIsA404Problem() throws Exception {
		mvc.perform(get("/forecasts").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
