package io.graychain.chains;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.graychain.support.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * appa v1 → appb v2, appb set to fail every request through its environment, as a Deployment (or
 * {@code kubectl set env}) sets it: the chain names appb as the hop that failed on purpose. And a
 * pod given a value it cannot follow does not start, and says why in one line.
 */
class MisbehavingChainTest {

	static RunningService appb;

	static RunningService appa;

	@BeforeAll
	static void start() {
		appb = RunningService.launch("appb", "v2", Map.of(), Map.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT", "100"));
		appb.awaitReady();
		appa = RunningService.start("appa", "v1", Map.of("spring.cloud.openfeign.client.config.appb.url", appb.url()));
	}

	@AfterAll
	static void stop() {
		Stream.of(appa, appb).filter(Objects::nonNull).forEach(RunningService::close);
	}

	@Test
	void theChainNamesTheMisbehavingHop() {
		HttpResponse<String> reply = Http.get(appa.url() + "/");
		assertThat(reply.statusCode()).isEqualTo(502);
		assertThat((String) JsonPath.read(reply.body(), "$.chain")).isEqualTo("appa:v1 > appb:!500");
		assertThat((String) JsonPath.read(reply.body(), "$.failedHop")).isEqualTo("appb");
		assertThat((String) JsonPath.read(reply.body(), "$.detail"))
			.isEqualTo("appb:v2 misbehaves on purpose (GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100)");
		assertThat(Http.get(appa.url() + "/", "Accept", "text/plain").body()).isEqualTo("appa:v1 > appb:!500\n");
	}

	@Test
	void theMisbehavingPodStaysReadyAndScrapable() {
		assertThat(Http.get(appb.url() + "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(Http.get(appb.url() + "/actuator/prometheus").body())
			.contains("http_server_requests_seconds_count{app=\"appb\"");
	}

	@Test
	void aValueItCannotFollowStopsThePodWithOneLine() {
		RunningService bad = RunningService.launch("appb", "v1", Map.of(), Map.of("GRAYCHAIN_MISBEHAVE_DELAY", "soon"));
		Throwable failure = catchThrowable(bad::awaitReady);
		assertThat(failure).hasMessageContaining("exited with status 1")
			.hasMessageContaining("GRAYCHAIN_MISBEHAVE_DELAY=soon is not a duration: give e.g. 1500ms or 2s (0 to 60s)")
			.hasMessageNotContaining("\tat ")
			.hasMessageNotContaining("Exception");
	}

}
