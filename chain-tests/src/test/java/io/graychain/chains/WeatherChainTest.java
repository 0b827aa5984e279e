package io.graychain.chains;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.graychain.support.test.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weather chain as five real processes: frontend v2 → forecast v2 → recommendation v1, and
 * frontend v1 → forecast v1, which never calls recommendation. Last, recommendation goes away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeatherChainTest {

	static final String TRACE_ID = "5b8aa5a2d2c872e8321cf37308d69df2";

	static RunningService recommendation;

	static RunningService forecastV2;

	static RunningService forecastV1;

	static RunningService frontendV2;

	static RunningService frontendV1;

	@BeforeAll
	static void start() {
		recommendation = RunningService.launch("recommendation", "v1", Map.of());
		forecastV2 = RunningService.launch("forecast", "v2",
				Map.of("spring.cloud.openfeign.client.config.recommendation.url", recommendation.url()));
		forecastV1 = RunningService.launch("forecast", "v1",
				Map.of("spring.cloud.openfeign.client.config.recommendation.url", recommendation.url()));
		frontendV2 = RunningService.launch("frontend", "v2",
				Map.of("spring.cloud.openfeign.client.config.forecast.url", forecastV2.url()));
		frontendV1 = RunningService.launch("frontend", "v1",
				Map.of("spring.cloud.openfeign.client.config.forecast.url", forecastV1.url()));
		all().forEach(RunningService::awaitReady);
	}

	@AfterAll
	static void stop() {
		all().stream().filter(Objects::nonNull).forEach(RunningService::close);
	}

	private static List<RunningService> all() {
		return Arrays.asList(recommendation, forecastV2, forecastV1, frontendV2, frontendV1);
	}

	@Test
	@Order(1)
	void aTesterOnV2RunsTheWholeV2ChainAndEveryHopSawOnlyTheUserCookie() {
		HttpResponse<String> reply = Http.get(frontendV2.url() + "/api/forecast?city=oslo", "cookie",
				"a=1; user=tester; session=secret", "x-request-id", "weather-1", "traceparent",
				"00-" + TRACE_ID + "-a2fb4a1d1a96d312-01");
		assertThat(reply.statusCode()).isEqualTo(200);
		String body = reply.body();
		assertThat((String) JsonPath.read(body, "$.chain"))
			.isEqualTo("frontend:v2 > forecast:v2 > recommendation:v1");
		for (String hop : new String[] { "$", "$.downstream", "$.downstream.downstream" }) {
			assertThat((String) JsonPath.read(body, hop + ".received.cookie")).isEqualTo("user=tester");
			assertThat((String) JsonPath.read(body, hop + ".received.x-request-id")).isEqualTo("weather-1");
			assertThat((String) JsonPath.read(body, hop + ".traceId")).isEqualTo(TRACE_ID);
		}
		assertThat((String) JsonPath.read(body, "$.downstream.downstream.pod")).isEqualTo("recommendation-v1");
		assertThat(body).doesNotContain("secret");
	}

	@Test
	@Order(2)
	void v1NeverCallsRecommendation() {
		assertThat(Http.get(frontendV1.url() + "/api/forecast?city=oslo", "Accept", "text/plain").body())
			.isEqualTo("frontend:v1 > forecast:v1\n");
	}

	@Test
	@Order(3)
	void theV2ChainAsOneLine() {
		assertThat(Http.get(frontendV2.url() + "/api/forecast?city=Berlin", "Accept", "text/plain").body())
			.isEqualTo("frontend:v2 > forecast:v2 > recommendation:v1\n");
	}

	@Test
	@Order(4)
	void whenRecommendationIsGoneTheReplyNamesItTwoHopsDown() {
		recommendation.close();
		HttpResponse<String> reply = Http.get(frontendV2.url() + "/api/forecast?city=oslo");
		assertThat(reply.statusCode()).isEqualTo(503);
		assertThat((String) JsonPath.read(reply.body(), "$.failedHop")).isEqualTo("recommendation");
		assertThat((String) JsonPath.read(reply.body(), "$.chain"))
			.isEqualTo("frontend:v2 > forecast:v2 > recommendation:!503");
		assertThat(Http.get(frontendV1.url() + "/api/forecast?city=oslo", "Accept", "text/plain").body())
			.isEqualTo("frontend:v1 > forecast:v1\n");
	}

}
