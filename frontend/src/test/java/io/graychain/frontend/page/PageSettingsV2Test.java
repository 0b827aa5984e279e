package io.graychain.frontend.page;

import org.junit.jupiter.api.Test;

import io.graychain.frontend.FrontendTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** v2 (the {@code v2} profile from {@code VERSION}): a blue forecast button. */
@FrontendTest
@TestPropertySource(properties = "VERSION=v2")
class PageSettingsV2Test {

	@Autowired
	MockMvc mvc;

	@Test
	void theButtonIsBlue() throws Exception {
		mvc.perform(get("/api/ui"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.chain").value("frontend:v2"))
			.andExpect(jsonPath("$.data.buttonColor").value("#1565c0"));
	}

}
