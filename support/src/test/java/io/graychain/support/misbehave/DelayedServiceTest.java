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

/** A pod set to answer slowly, as {@code GRAYCHAIN_MISBEHAVE_DELAY=300ms} sets it. */
@SpringBootTest(classes = HopService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=hop", "graychain.misbehave.delay=300ms" })
class DelayedServiceTest {

	@LocalServerPort
	int port;

	@Test
	void theReplySaysTheHopMisbehavesAndTheDelayIsInsideTheRequest() {
		HttpResponse<String> reply = Http.get("http://127.0.0.1:" + port + "/");
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(reply.body(), "$.chain")).isEqualTo("hop:v1");
		assertThat((String) JsonPath.read(reply.body(), "$.misbehaving")).isEqualTo("GRAYCHAIN_MISBEHAVE_DELAY=300ms");
		// the server's own measure of the request includes the delay (a sleep never ends early)
		String metrics = Http.get("http://127.0.0.1:" + port + "/actuator/prometheus").body();
		assertThat(PrometheusText.value(metrics, "http_server_requests_seconds_max", Map.of("uri", "/", "status", "200")))
			.isGreaterThanOrEqualTo(0.3);
	}

	@Test
	void theTextLineStaysTheChain() {
		assertThat(Http.get("http://127.0.0.1:" + port + "/", "Accept", "text/plain").body()).isEqualTo("hop:v1\n");
	}

}
