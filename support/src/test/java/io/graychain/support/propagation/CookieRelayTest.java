package io.graychain.support.propagation;

import java.net.http.HttpResponse;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import io.graychain.support.hop.HopReport;
import io.graychain.support.hop.HopReporter;
import io.graychain.support.test.Http;
import io.graychain.support.test.LoopbackWireMock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A hop with the defaults, calling WireMock: only the allow-listed cookie travels and is reported. */
@SpringBootTest(classes = CookieRelayTest.Hop.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=hop", "server.address=127.0.0.1" })
@EnableWireMock(@ConfigureWireMock(name = "below", configurationCustomizers = LoopbackWireMock.class,
		baseUrlProperties = "spring.cloud.openfeign.client.config.below.url"))
class CookieRelayTest {

	@InjectWireMock("below")
	WireMockServer below;

	@LocalServerPort
	int port;

	@BeforeEach
	void belowAnswers() {
		below.stubFor(get(urlEqualTo("/")).willReturn(okJson("{\"service\":\"below\",\"version\":\"v1\"}")));
	}

	private HttpResponse<String> call(String... headers) {
		HttpResponse<String> reply = Http.get("http://127.0.0.1:" + port + "/", headers);
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(reply.body(), "$.chain")).isEqualTo("hop:v1 > below:v1");
		return reply;
	}

	@Test
	void onlyTheUserCookieTravelsAndIsReported() {
		HttpResponse<String> reply = call("cookie", "a=1; user=tester; session=secret");
		below.verify(getRequestedFor(urlEqualTo("/")).withHeader("cookie", equalTo("user=tester")));
		assertThat((Map<String, String>) JsonPath.read(reply.body(), "$.received")).containsEntry("cookie", "user=tester");
		assertThat(reply.body()).doesNotContain("session").doesNotContain("secret").doesNotContain("a=1");
	}

	@Test
	void noAllowedCookieMeansNoCookieHeaderDownstreamAndNoneReported() {
		HttpResponse<String> reply = call("cookie", "a=1; session=secret", "x-request-id", "r-1");
		below.verify(getRequestedFor(urlEqualTo("/")).withoutHeader("cookie").withHeader("x-request-id", equalTo("r-1")));
		assertThat((Map<String, String>) JsonPath.read(reply.body(), "$.received")).doesNotContainKey("cookie")
			.containsEntry("x-request-id", "r-1");
		assertThat(reply.body()).doesNotContain("session");
	}

	@Test
	void aNameThatOnlyContainsUserIsNotUser() {
		call("cookie", "superuser=tester; user2=tester; User=tester");
		below.verify(getRequestedFor(urlEqualTo("/")).withoutHeader("cookie"));
	}

	@Test
	void cookiesSplitOverSeveralHeadersTravelInTheirOrderAsOneHeader() {
		call("cookie", "user=a; session=secret", "cookie", "theme=dark; user=tester");
		below.verify(getRequestedFor(urlEqualTo("/")).withHeader("cookie", equalTo("user=a; user=tester")));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableFeignClients(clients = Below.class)
	@Import(HopController.class)
	static class Hop {

	}

	@FeignClient("below")
	interface Below {

		@GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
		HopReport call();

	}

	@RestController
	static class HopController {

		private final Below below;

		private final HopReporter reporter;

		HopController(Below below, HopReporter reporter) {
			this.below = below;
			this.reporter = reporter;
		}

		@GetMapping("/")
		HopReport hop() {
			return reporter.report(null, below.call());
		}

	}

}
