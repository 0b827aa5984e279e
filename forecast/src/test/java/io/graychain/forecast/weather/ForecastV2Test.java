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
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * forecast v2 adds recommendations: it calls recommendation, passes the allow-list on, and fails clearly. The read
 * timeout is long here so that a loaded machine never turns a reply into a timeout; {@link ForecastV2TimeoutTest}
 * keeps the configured one.
 */
@SpringBootTest(properties = { "VERSION=v2", "spring.cloud.openfeign.client.config.recommendation.read-timeout=10000" })
@AutoConfigureMockMvc
@EnableWireMock(@ConfigureWireMock(name = "recommendation", configurationCustomizers = LoopbackWireMock.class,
		baseUrlProperties = "spring.cloud.openfeign.client.config.recommendation.url"))
class ForecastV2Test {

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@InjectWireMock("recommendation")
	WireMockServer recommendation;

	@Test
	void hasTheRecommendationClient() {
		assertThat(context.getBeanNamesForAnnotation(FeignClient.class)).hasSize(1);
	}

	@Test
	void nestsTheRecommendationReplyAsDownstream() throws Exception {
		recommendation.stubFor(RecommendationStubs.answering());
		forecast("berlin")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.chain").value("forecast:v2 > recommendation:v1"))
			.andExpect(jsonPath("$.version").value("v2"))
			.andExpect(jsonPath("$.data.weather").value("cloudy"))
			.andExpect(jsonPath("$.downstream.service").value("recommendation"))
			.andExpect(jsonPath("$.downstream.data.items[0]").value("Bring a light jacket"));
		recommendation.verify(getRequestedFor(urlPathEqualTo("/recommendations"))
			.withQueryParam("city", equalTo("berlin"))
			.withQueryParam("weather", equalTo("cloudy")));
	}

	@Test
	void answersTheChainAsOneLineForText() throws Exception {
		recommendation.stubFor(RecommendationStubs.answering());
		mvc.perform(get("/forecast").param("city", "berlin").accept(MediaType.TEXT_PLAIN))
			.andExpect(status().isOk())
			.andExpect(content().string("forecast:v2 > recommendation:v1\n"));
	}

	@Test
	void passesEveryAllowListedHeaderAndTheTraceOn() throws Exception {
		recommendation.stubFor(RecommendationStubs.answering());
		mvc.perform(get("/forecast").param("city", "berlin")
				.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
				.header("x-request-id", "req-42")
				.header("end-user", "jason")
				.header("version", "v2")
				.header("x-gray-lane", "canary")
				.header("cookie", "theme=dark; user=tester; session=secret"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.traceId").value(TRACE_ID))
			.andExpect(jsonPath("$.received['x-request-id']").value("req-42"))
			.andExpect(jsonPath("$.received.cookie").value("user=tester"))
			.andExpect(content().string(not(containsString("secret"))));
		recommendation.verify(getRequestedFor(urlPathEqualTo("/recommendations"))
			.withHeader("traceparent", matching("00-" + TRACE_ID + "-[0-9a-f]{16}-01"))
			.withHeader("x-request-id", equalTo("req-42"))
			.withHeader("end-user", equalTo("jason"))
			.withHeader("version", equalTo("v2"))
			.withHeader("x-gray-lane", equalTo("canary"))
			.withHeader("cookie", equalTo("user=tester")));
	}

	@Test
	void withoutTheUserCookieNoCookieGoesDown() throws Exception {
		recommendation.stubFor(RecommendationStubs.answering());
		mvc.perform(get("/forecast").param("city", "berlin").header("cookie", "theme=dark; superuser=tester"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received.cookie").doesNotExist());
		recommendation.verify(getRequestedFor(urlPathEqualTo("/recommendations")).withoutHeader("cookie"));
	}

	@Test
	void aReplyThatIsNotAHopReportIsA502() throws Exception {
		for (String body : new String[] { "{\"not\":\"a hop report\"}", "[1, 2", "<html>oops</html>" }) {
			recommendation.stubFor(RecommendationStubs.recommendations().willReturn(okJson(body)));
			failsAt(502, "recommendation:!502");
		}
	}

	@Test
	void anErrorStatusIsA502() throws Exception {
		recommendation.stubFor(RecommendationStubs.recommendations().willReturn(aResponse().withStatus(500)));
		failsAt(502, "recommendation:!502");
	}

	private ResultActions forecast(String city) throws Exception {
		return mvc.perform(get("/forecast").param("city", city));
	}

	private void failsAt(int status, String failure) throws Exception {
		forecast("berlin")
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.hop").value("forecast:v2"))
			.andExpect(jsonPath("$.failedHop").value("recommendation"))
			.andExpect(jsonPath("$.chain").value("forecast:v2 > " + failure))
			.andExpect(content().string(not(containsString("Exception"))));
	}

}
