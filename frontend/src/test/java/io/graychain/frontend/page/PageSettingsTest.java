package io.graychain.frontend.page;

import org.junit.jupiter.api.Test;

import io.graychain.frontend.FrontendTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** v1: the page and its settings, with a green forecast button. */
@FrontendTest
class PageSettingsTest {

	@Autowired
	MockMvc mvc;

	@Test
	void settingsAreAHopReportOfTheFrontendWithAGreenButton() throws Exception {
		mvc.perform(get("/api/ui"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.chain").value("frontend:v1"))
			.andExpect(jsonPath("$.data.buttonColor").value("#2e7d32"))
			.andExpect(jsonPath("$.data.cities[0].id").value("amsterdam"))
			.andExpect(jsonPath("$.data.cities[1].name").value("Berlin"));
	}

	@Test
	void servesThePageAtTheRoot() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("index.html"));
		mvc.perform(get("/weather.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("textContent")));
		mvc.perform(get("/index.html").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Content-Security-Policy")));
	}

}
