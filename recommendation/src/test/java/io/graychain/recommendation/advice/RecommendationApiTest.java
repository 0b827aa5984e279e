package io.graychain.recommendation.advice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class RecommendationApiTest {

	@Autowired
	MockMvc mvc;

	@Test
	void recommendsForCityAndWeatherAsTheEndOfTheChain() throws Exception {
		mvc.perform(get("/recommendations").param("city", "berlin").param("weather", "rainy")
				.header("x-request-id", "req-7").header("cookie", "user=tester; session=secret"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.chain").value("recommendation:v1"))
			.andExpect(jsonPath("$.service").value("recommendation"))
			.andExpect(jsonPath("$.version").value("v1"))
			.andExpect(jsonPath("$.downstream").doesNotExist())
			.andExpect(jsonPath("$.received['x-request-id']").value("req-7"))
			.andExpect(jsonPath("$.received.cookie").value("user=tester"))
			.andExpect(jsonPath("$.data.city").value("berlin"))
			.andExpect(jsonPath("$.data.weather").value("rainy"))
			.andExpect(jsonPath("$.data.items[0]").value("Take an umbrella"))
			.andExpect(jsonPath("$.data.items[2]").value("Walk the East Side Gallery"));
	}

	@Test
	void sameQuestionSameAnswer() throws Exception {
		String first = recommendationsFor("lisbon", "sunny");
		String second = recommendationsFor("lisbon", "sunny");
		assertThat(first).isEqualTo(second);
	}

	@Test
	void answersTheVersionChainAsOneLineForText() throws Exception {
		mvc.perform(get("/recommendations").param("city", "oslo").param("weather", "snowy")
				.accept(MediaType.TEXT_PLAIN))
			.andExpect(status().isOk())
			.andExpect(content().string("recommendation:v1\n"));
	}

	@Test
	void unknownOrMissingCityIsA400ListingTheCities() throws Exception {
		for (String city : new String[] { "atlantis", "", "<b>x</b>" }) {
			mvc.perform(get("/recommendations").param("city", city).param("weather", "sunny"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("city must be one of: amsterdam, berlin, lisbon, oslo, shanghai"))
				.andExpect(content().string(not(containsString("<b>"))));
		}
		mvc.perform(get("/recommendations").param("weather", "sunny")).andExpect(status().isBadRequest());
	}

	@Test
	void unknownOrMissingWeatherIsA400ListingTheWeathers() throws Exception {
		mvc.perform(get("/recommendations").param("city", "oslo").param("weather", "hail"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("weather must be one of: cloudy, rainy, snowy, sunny, windy"));
		mvc.perform(get("/recommendations").param("city", "oslo")).andExpect(status().isBadRequest());
	}

	@Test
	void unknownPathIsA404Problem() throws Exception {
		mvc.perform(get("/nowhere").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	private String recommendationsFor(String city, String weather) throws Exception {
		return mvc.perform(get("/recommendations").param("city", city).param("weather", weather))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("\"traceId\":\"[0-9a-f]+\",", "");
	}

}
