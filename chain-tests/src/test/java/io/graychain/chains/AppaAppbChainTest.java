package io.graychain.chains;

import java.net.http.HttpResponse;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.graychain.support.test.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** appa v1 → appb v2 as two real processes: the chain, what each hop saw, and appb going away. */
class AppaAppbChainTest {

	static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	static RunningService appb;

	static RunningService appa;

	@BeforeAll
	static void start() {
		appb = RunningService.start("appb", "v2", Map.of());
		appa = RunningService.start("appa", "v1", Map.of("spring.cloud.openfeign.client.config.appb.url", appb.url()));
	}

	@AfterAll
	static void stop() {
		if (appa != null) {
			appa.close();
		}
		if (appb != null) {
			appb.close();
		}
	}

	@Test
	void theWholeChainInJsonWithWhatEachHopSaw() {
		HttpResponse<String> reply = Http.get(appa.url() + "/", "x-request-id", "chain-1", "end-user", "jason",
				"x-gray-lane", "canary", "cookie", "a=1; user=tester; session=secret", "traceparent",
				"00-" + TRACE_ID + "-b7ad6b7169203331-01");
		assertThat(reply.statusCode()).isEqualTo(200);
		String body = reply.body();
		assertThat((String) JsonPath.read(body, "$.chain")).isEqualTo("appa:v1 > appb:v2");
		assertThat((String) JsonPath.read(body, "$.pod")).isEqualTo("appa-v1");
		assertThat((String) JsonPath.read(body, "$.downstream.pod")).isEqualTo("appb-v2");
		for (String hop : new String[] { "$", "$.downstream" }) {
			assertThat((String) JsonPath.read(body, hop + ".traceId")).isEqualTo(TRACE_ID);
			assertThat((String) JsonPath.read(body, hop + ".received.x-request-id")).isEqualTo("chain-1");
			assertThat((String) JsonPath.read(body, hop + ".received.end-user")).isEqualTo("jason");
			assertThat((String) JsonPath.read(body, hop + ".received.x-gray-lane")).isEqualTo("canary");
			assertThat((String) JsonPath.read(body, hop + ".received.cookie")).isEqualTo("user=tester");
		}
		assertThat(body).doesNotContain("secret");
		assertThat((String) JsonPath.read(body, "$.downstream.received.traceparent")).contains(TRACE_ID);
	}

	@Test
	void theWholeChainAsOneLine() {
		assertThat(Http.get(appa.url() + "/", "Accept", "text/plain").body()).isEqualTo("appa:v1 > appb:v2\n");
	}

	@Test
	void theNameTravelsToAppb() {
		HttpResponse<String> reply = Http.get(appa.url() + "/greet?name=xx");
		assertThat((String) JsonPath.read(reply.body(), "$.downstream.data.message")).isEqualTo("name is: xx-v2");
	}

}
