package io.graychain.frontend.weather;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;

import io.graychain.frontend.FrontendTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/forecast}: the entry of the weather chain, for the page and for curl loops. */
@FrontendTest
class ForecastApiTest {

	static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@Autowired
	MockMvc mvc;

	@InjectWireMock("forecast")
	WireMockServer forecast;

	@Test
	void reportsTheWholeChainAsJson() throws Exception {
		forecast.stubFor(ForecastReplies.answeringV2());
		apiForecast("berlin")
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.chain").value("frontend:v1 > forecast:v2 > recommendation:v1"))
			.andExpect(jsonPath("$.service").value("frontend"))
			.andExpect(jsonPath("$.downstream.data.name").value("Berlin"))
			.andExpect(jsonPath("$.downstream.downstream.data.items[1]").value("Visit a museum"));
		forecast.verify(getRequestedFor(urlPathEqualTo("/forecast")).withQueryParam("city", equalTo("berlin")));
	}

	@Test
	void answersTheChainAsOneLineForText() throws Exception {
		forecast.stubFor(ForecastReplies.answeringV2());
		mvc.perform(get("/api/forecast").param("city", "berlin").accept(MediaType.TEXT_PLAIN))
			.andExpect(status().isOk())
			.andExpect(content().string("frontend:v1 > forecast:v2 > recommendation:v1\n"));
	}

	@Test
	void passesEveryAllowListedHeaderTheUserCookieAndTheTraceOn() throws Exception {
		forecast.stubFor(ForecastReplies.answeringV2());
		mvc.perform(get("/api/forecast").param("city", "berlin")
				.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
				.header("x-request-id", "req-9")
				.header("end-user", "jason")
				.header("version", "v2")
				.header("x-gray-lane", "canary")
				.header("cookie", "a=1; user=tester; session=secret"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.traceId").value(TRACE_ID))
			.andExpect(jsonPath("$.received.cookie").value("user=tester"))
			.andExpect(content().string(not(containsString("session"))));
		forecast.verify(getRequestedFor(urlPathEqualTo("/forecast"))
			.withHeader("traceparent", matching("00-" + TRACE_ID + "-[0-9a-f]{16}-01"))
			.withHeader("x-request-id", equalTo("req-9"))
			.withHeader("end-user", equalTo("jason"))
			.withHeader("version", equalTo("v2"))
			.withHeader("x-gray-lane", equalTo("canary"))
			.withHeader("cookie", equalTo("user=tester")));
	}

	@Test
	void withoutTheUserCookieNoCookieGoesDownAndNoneIsReported() throws Exception {
		forecast.stubFor(ForecastReplies.answeringV2());
		for (String cookies : new String[] { "a=1; session=secret", "superuser=tester", "user2=tester; User=tester" }) {
			mvc.perform(get("/api/forecast").param("city", "berlin").header("cookie", cookies))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.received.cookie").doesNotExist());
		}
		forecast.verify(3, getRequestedFor(urlPathEqualTo("/forecast")).withoutHeader("cookie"));
	}

	@Test
	void aMalformedTraceparentIsIgnoredAndANewTraceStarts() throws Exception {
		forecast.stubFor(ForecastReplies.answeringV2());
		mvc.perform(get("/api/forecast").param("city", "berlin").header("traceparent", "00-not-a-trace-<b>-01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.traceId").value(matchesPattern("[0-9a-f]{32}")));
		forecast.verify(getRequestedFor(urlPathEqualTo("/forecast"))
			.withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-01")));
	}

	@Test
	void aCityThePageDoesNotOfferIsA400WithoutCallingForecast() throws Exception {
		for (String city : new String[] { "atlantis", "", "<img src=x onerror=alert(1)>" }) {
			apiForecast(city)
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("city must be one of: amsterdam, berlin, lisbon, oslo, shanghai"))
				.andExpect(content().string(not(containsString("<img"))));
		}
		mvc.perform(get("/api/forecast")).andExpect(status().isBadRequest());
		forecast.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aReplyThatIsNotAHopReportIsA502() throws Exception {
		for (String body : new String[] { "{\"service\":\"forecast\"}", "{{{", "\"just text\"" }) {
			forecast.stubFor(ForecastReplies.forecast().willReturn(okJson(body)));
			failsAt(502, "forecast", "frontend:v1 > forecast:!502");
		}
	}

	@Test
	void anErrorStatusIsA502() throws Exception {
		forecast.stubFor(ForecastReplies.forecast().willReturn(aResponse().withStatus(500).withBody("boom")));
		failsAt(502, "forecast", "frontend:v1 > forecast:!502");
	}

	@Test
	void aFailureDeeperDownKeepsTheHopThatFailed() throws Exception {
		forecast.stubFor(ForecastReplies.recommendationDown());
		failsAt(503, "recommendation", "frontend:v1 > forecast:v2 > recommendation:!503");
		mvc.perform(get("/api/forecast").param("city", "berlin").accept(MediaType.TEXT_PLAIN))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string("frontend:v1 > forecast:v2 > recommendation:!503\n"));
	}

	private ResultActions apiForecast(String city) throws Exception {
		return mvc.perform(get("/api/forecast").param("city", city));
	}

	private void failsAt(int status, String failedHop, String chain) throws Exception {
		apiForecast("berlin")
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.hop").value("frontend:v1"))
			.andExpect(jsonPath("$.failedHop").value(failedHop))
			.andExpect(jsonPath("$.chain").value(chain))
			.andExpect(content().string(not(containsString("Exception"))));
	}

}
