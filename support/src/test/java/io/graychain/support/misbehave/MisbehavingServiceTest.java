package io.graychain.support.misbehave;

import java.net.http.HttpResponse;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import io.graychain.support.test.HopService;
import io.graychain.support.test.Http;
import io.graychain.support.test.PrometheusText;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A pod set to fail every request, as {@code GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100} sets it. */
@SpringBootTest(classes = HopService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=hop", "graychain.identity.version=v2",
				"graychain.misbehave.error-percent=100" })
class MisbehavingServiceTest {

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path, String... headers) {
		return Http.get("http://127.0.0.1:" + port + path, headers);
	}

	@Test
	void everyRequestIsAProblemNamingTheHopAndTheSetting() {
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> reply = get("/");
			assertThat(reply.statusCode()).isEqualTo(500);
			assertThat(reply.headers().firstValue("content-type")).hasValue("application/problem+json");
			assertThat((String) JsonPath.read(reply.body(), "$.misbehaving")).isEqualTo("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100");
			assertThat((String) JsonPath.read(reply.body(), "$.detail"))
				.isEqualTo("hop:v2 misbehaves on purpose (GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100)");
			assertThat((String) JsonPath.read(reply.body(), "$.hop")).isEqualTo("hop:v2");
			assertThat((String) JsonPath.read(reply.body(), "$.failedHop")).isEqualTo("hop");
			assertThat((String) JsonPath.read(reply.body(), "$.chain")).isEqualTo("hop:!500");
			assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
		}
	}

	@Test
	void theTextLineIsTheFailedHop() {
		HttpResponse<String> reply = get("/", "Accept", "text/plain");
		assertThat(reply.statusCode()).isEqualTo(500);
		assertThat(reply.body()).isEqualTo("hop:!500\n");
	}

	@Test
	void healthAndMetricsAreNeverAffected() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness",
				"/actuator/prometheus" }) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void theMetricsCountTheFailuresOnTheirRoute() {
		Map<String, String> failed = Map.of("app", "hop", "version", "v2", "uri", "/", "status", "500");
		double before = PrometheusText.value(get("/actuator/prometheus").body(), "http_server_requests_seconds_count", failed);
		get("/");
		get("/");
		double after = PrometheusText.value(get("/actuator/prometheus").body(), "http_server_requests_seconds_count", failed);
		assertThat(after).isEqualTo(before + 2);
	}

}
