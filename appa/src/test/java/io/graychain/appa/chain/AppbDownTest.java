package io.graychain.appa.chain;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import io.graychain.support.test.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppbDownTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void appbNowhere(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.openfeign.client.config.appb.url", Http::closedPortUrl);
	}

	@Test
	void anUnreachableAppbIsServiceUnavailableAndAppaKeepsServing() {
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> reply = Http.get("http://127.0.0.1:" + port + "/");
			assertThat(reply.statusCode()).isEqualTo(503);
			assertThat((String) JsonPath.read(reply.body(), "$.failedHop")).isEqualTo("appb");
			assertThat((String) JsonPath.read(reply.body(), "$.detail")).isEqualTo("appb is unreachable");
		}
		assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

}
