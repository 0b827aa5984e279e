package io.graychain.appa.chain;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import io.graychain.support.test.Http;
import io.graychain.support.test.LoopbackWireMock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.graychain.appa.chain.AppbStubs.appbV2;
import static org.assertj.core.api.Assertions.assertThat;

/** A slow appb: appa gives up at its read timeout and names appb, without waiting for appb's reply. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "graychain.downstream.read-timeout=1500", "graychain.identity.version=v1" })
@EnableWireMock(@ConfigureWireMock(name = "appb", baseUrlProperties = "spring.cloud.openfeign.client.config.appb.url",
		configurationCustomizers = LoopbackWireMock.class))
/** A slow appb: appa gives up at its read timeout and names appb, within bounded time. */
class AppbSlowTest {

	@InjectWireMock("appb")
	WireMockServer appb;

	@LocalServerPort
	int port;

	@Test
	void aSlowAppbIsAGatewayTimeoutNamingIt() {
		appb.stubFor(get(urlEqualTo("/")).willReturn(appbV2().withFixedDelay(8_000)));
		// appb answers only after 8 s: a 504 naming the 1500 ms timeout means appa did not wait for it.
		HttpResponse<String> reply = Http.get("http://127.0.0.1:" + port + "/");
		assertThat(reply.statusCode()).isEqualTo(504);
		ChainControllerTest.assertProblem(reply, "appb", "appa:v1 > appb:!504");
		assertThat((String) JsonPath.read(reply.body(), "$.detail")).isEqualTo("appb did not answer within 1500 ms");
		assertThat(Http.get("http://127.0.0.1:" + port + "/", "Accept", "text/plain").body()).isEqualTo("appa:v1 > appb:!504\n");
	}

}
