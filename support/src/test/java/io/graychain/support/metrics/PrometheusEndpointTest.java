package io.graychain.support.metrics;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.graychain.support.test.HopService;
import io.graychain.support.test.Http;
import io.graychain.support.test.PrometheusText;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service's metrics at {@code /actuator/prometheus}, on its own port, tagged with its app and version. */
@SpringBootTest(classes = HopService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=hop", "graychain.identity.version=v2" })
class PrometheusEndpointTest {

	static final String REQUESTS = "http_server_requests_seconds_count";

	static final Map<String, String> HOP_OK = Map.of("app", "hop", "version", "v2", "uri", "/", "status", "200",
			"method", "GET");

	@LocalServerPort
	int port;

	private String scrape() {
		HttpResponse<String> reply = Http.get("http://127.0.0.1:" + port + "/actuator/prometheus");
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
		return reply.body();
	}

	@Test
	void countingNRequestsGivesN() {
		double before = PrometheusText.value(scrape(), REQUESTS, HOP_OK);
		int n = 7;
		for (int i = 0; i < n; i++) {
			assertThat(Http.get("http://127.0.0.1:" + port + "/").statusCode()).isEqualTo(200);
		}
		assertThat(PrometheusText.value(scrape(), REQUESTS, HOP_OK)).isEqualTo(before + n);
	}

	@Test
	void everySeriesCarriesTheAppAndVersionOfThePod() {
		Http.get("http://127.0.0.1:" + port + "/");
		String exposition = scrape();
		assertThat(PrometheusText.series(exposition, REQUESTS)).isNotEmpty()
			.allSatisfy(labels -> assertThat(labels).containsEntry("app", "hop").containsEntry("version", "v2")
				.containsKeys("uri", "status", "method", "outcome"));
		assertThat(PrometheusText.series(exposition, "jvm_memory_used_bytes")).isNotEmpty()
			.allSatisfy(labels -> assertThat(labels).containsEntry("app", "hop").containsEntry("version", "v2"));
	}

	@Test
	void aNotFoundPathIsCountedWithoutItsOwnUri() {
		Http.get("http://127.0.0.1:" + port + "/no/such/page/12345");
		assertThat(scrape()).doesNotContain("/no/such/page/12345");
	}

}
