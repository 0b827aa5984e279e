package io.graychain.frontend.session;

import org.junit.jupiter.api.Test;

import io.graychain.frontend.FrontendTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in sets the routing cookie {@code user=<name>}; the name is checked here, on the server. */
@FrontendTest
class SessionApiTest {

	@Autowired
	MockMvc mvc;

	@Test
	void signingInSetsTheUserCookie() throws Exception {
		signIn("{\"user\":\"tester\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user").value("tester"))
			.andExpect(header().string(HttpHeaders.SET_COOKIE,
					allOf(startsWith("user=tester;"), containsString("Path=/"), containsString("SameSite=Lax"))));
	}

	@Test
	void signingOutClearsIt() throws Exception {
		mvc.perform(delete("/api/session"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.SET_COOKIE, allOf(startsWith("user=;"), containsString("Max-Age=0"))));
	}

	@Test
	void aNameThatIsNotANameIsA400AndSetsNoCookie() throws Exception {
		for (String body : new String[] { "{\"user\":\"<b>x</b>\"}", "{\"user\":\"a; user=admin\"}", "{\"user\":\"\"}",
				"{}", "{\"user\":\"" + "x".repeat(33) + "\"}" }) {
			signIn(body)
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("user must be 1 to 32 letters, digits, '-' or '_'"))
				.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
		}
	}

	@Test
	void aBodyThatIsNotJsonIsA400() throws Exception {
		signIn("user=tester").andExpect(status().isBadRequest()).andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
		mvc.perform(post("/api/session").contentType(MediaType.TEXT_PLAIN).content("tester"))
			.andExpect(status().isUnsupportedMediaType());
	}

	private ResultActions signIn(String body) throws Exception {
		return mvc.perform(post("/api/session").contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
