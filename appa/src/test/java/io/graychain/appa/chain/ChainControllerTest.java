package io.graychain.appa.chain;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import io.graychain.support.test.Http;
import io.graychain.support.test.LoopbackWireMock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.graychain.appa.chain.AppbStubs.appbV2;
import static io.graychain.appa.chain.AppbStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * appa's chain replies against a WireMock appb. The read timeout is long here so that a loaded machine never
 * turns an error reply into a timeout; {@link AppbSlowTest} pins the timeout itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "graychain.downstream.read-timeout=10000", "graychain.identity.version=v1" })
@EnableWireMock(@ConfigureWireMock(name = "appb", baseUrlProperties = "spring.cloud.openfeign.client.config.appb.url",
		configurationCustomizers = LoopbackWireMock.class))
class ChainControllerTest {

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@InjectWireMock("appb")
	WireMockServer appb;

	@LocalServerPort
	int port;

	private HttpResponse<String> call(String path, String... headers) {
		return Http.get("http://127.0.0.1:" + port + path, headers);
	}

	@Test
	void passesEveryAllowListedHeaderTheUserCookieAndTheTraceOn() {
		appb.stubFor(get(urlEqualTo("/")).willReturn(appbV2()));
		HttpResponse<String> reply = call("/", "x-request-id", "req-42", "end-user", "jason", "version", "v2",
				"x-gray-lane", "canary", "cookie", "a=1; user=tester; session=secret",
				"traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

		assertThat(reply.statusCode()).isEqualTo(200);
		appb.verify(getRequestedFor(urlEqualTo("/")).withHeader("x-request-id", equalTo("req-42"))
			.withHeader("end-user", equalTo("jason"))
			.withHeader("version", equalTo("v2"))
			.withHeader("x-gray-lane", equalTo("canary"))
			.withHeader("cookie", equalTo("user=tester"))
			.withHeader("traceparent", matching("00-" + TRACE_ID + "-[0-9a-f]{16}-01"))
			.withHeader("x-b3-traceid", equalTo(TRACE_ID))
			.withHeader("baggage", matching(".*end-user=jason.*"))
			.withHeader("accept", matching(".*application/json.*")));
		assertThat((String) JsonPath.read(reply.body(), "$.chain")).isEqualTo("appa:v1 > appb:v2");
		assertThat((String) JsonPath.read(reply.body(), "$.traceId")).isEqualTo(TRACE_ID);
		assertThat((String) JsonPath.read(reply.body(), "$.received.cookie")).isEqualTo("user=tester");
		assertThat(reply.body()).doesNotContain("secret");
		assertThat((String) JsonPath.read(reply.body(), "$.downstream.data.message")).isEqualTo("name is: xx-v2");
	}

	@Test
	void textIsTheWholeChain() {
		appb.stubFor(get(urlEqualTo("/")).willReturn(appbV2()));
		assertThat(call("/", "Accept", "text/plain").body()).isEqualTo("appa:v1 > appb:v2\n");
	}

	@Test
	void passesTheNameOn() {
		appb.stubFor(get(urlPathEqualTo("/greet")).willReturn(appbV2()));
		HttpResponse<String> reply = call("/greet?name=xx");
		assertThat(reply.statusCode()).isEqualTo(200);
		appb.verify(getRequestedFor(urlEqualTo("/greet?name=xx")));
	}

	@Test
	void aBadNameNeverReachesAppb() {
		assertThat(call("/greet?name=a%20b").statusCode()).isEqualTo(400);
		assertThat(appb.getAllServeEvents()).isEmpty();
	}

	@Test
	void aGarbageBodyIsABadGateway() {
		appb.stubFor(get(urlEqualTo("/")).willReturn(json(200, "<html>not a report")));
		assertProblem(call("/"), "appb", "appa:v1 > appb:!502");
		appb.stubFor(get(urlEqualTo("/")).willReturn(json(200, "{\"unexpected\":true}")));
		assertProblem(call("/"), "appb", "appa:v1 > appb:!502");
		appb.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("plain words")));
		assertProblem(call("/"), "appb", "appa:v1 > appb:!502");
	}

	@Test
	void aBrokenReplyIsABadGateway() {
		appb.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		assertThat(call("/").statusCode()).isIn(502, 503);
		appb.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
		assertThat(call("/").statusCode()).isEqualTo(502);
	}

	@Test
	void anErrorStatusFromAppbIsABadGateway() {
		appb.stubFor(get(urlEqualTo("/")).willReturn(json(500, "{\"status\":500}")));
		assertProblem(call("/"), "appb", "appa:v1 > appb:!502");
	}

	@Test
	void theMeshSaying503Or504KeepsItsStatus() {
		appb.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(503).withBody("no healthy upstream")));
		HttpResponse<String> unavailable = call("/");
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertProblem(unavailable, "appb", "appa:v1 > appb:!503");
		appb.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(504).withBody("upstream request timeout")));
		HttpResponse<String> slow = call("/");
		assertThat(slow.statusCode()).isEqualTo(504);
		assertProblem(slow, "appb", "appa:v1 > appb:!504");
	}

	@Test
	void aFailureDeeperDownKeepsTheHopThatReallyFailed() {
		appb.stubFor(get(urlEqualTo("/")).willReturn(json(503, """
				{"status":503,"detail":"db is unreachable","failedHop":"db","chain":"appb:v2 > db:!503"}""")));
		HttpResponse<String> reply = call("/");
		assertThat(reply.statusCode()).isEqualTo(503);
		assertProblem(reply, "db", "appa:v1 > appb:v2 > db:!503");
	}

	static void assertProblem(HttpResponse<String> reply, String failedHop, String chain) {
		assertThat(reply.statusCode()).isBetween(502, 504);
		assertThat(reply.headers().firstValue("content-type")).hasValue("application/problem+json");
		assertThat((String) JsonPath.read(reply.body(), "$.failedHop")).isEqualTo(failedHop);
		assertThat((String) JsonPath.read(reply.body(), "$.chain")).isEqualTo(chain);
		assertThat((String) JsonPath.read(reply.body(), "$.hop")).isEqualTo("appa:v1");
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("feign.").doesNotContain("\tat ");
	}

}
