package io.graychain.support.probe;

import java.time.Duration;
import java.util.Collections;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.graychain.support.test.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The probe as a process against WireMock on loopback: what it sends, what it prints, how long it takes. */
class MeshProbeTest {

	WireMockServer server;

	@BeforeEach
	void start() {
		server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20));
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop();
	}

	@Test
	void sendsEveryRequestOnANewConnectionWithHeadersCookiesAndQuery() throws Exception {
		server.stubFor(get(urlPathEqualTo("/greet")).willReturn(aResponse().withBody("appa:v1 > appb:v2\n")));
		try (CountingRelay relay = CountingRelay.to(server.port())) {
			ProbeProcess probe = ProbeProcess.run("--count", "5", "--header", "end-user: jason", "--cookie", "a=1",
					"--cookie", "user=tester", "--query", "name=x y", "http://127.0.0.1:" + relay.port() + "/greet");

			assertThat(probe.exit()).as(probe.errors()).isZero();
			assertThat(probe.lines()).containsExactlyElementsOf(Collections.nCopies(5, "appa:v1 > appb:v2"));
			assertThat(relay.connections()).as("connections for 5 requests").isEqualTo(5);
		}
		server.verify(5, getRequestedFor(urlPathEqualTo("/greet")).withQueryParam("name", equalTo("x y"))
			.withHeader("Accept", equalTo("text/plain"))
			.withHeader("end-user", equalTo("jason"))
			.withHeader("Cookie", equalTo("a=1; user=tester"))
			.withHeader("Connection", equalTo("close")));
	}

	@Test
	void aStatusOtherThan2xxIsAMarkedLineWithTheStatusAndTheFirstLineOfTheBody() {
		server.stubFor(get("/down").willReturn(aResponse().withStatus(503).withBody("appa:v1 > appb:!503\nmore\n")));
		server.stubFor(get("/empty").willReturn(aResponse().withStatus(500)));
		server.stubFor(get("/json").willReturn(okJson("{\n  \"chain\": \"appa:v1\"\n}")));

		assertThat(ProbeProcess.run("--count", "2", url("/down")).lines()).containsExactly("! HTTP 503 appa:v1 > appb:!503",
				"! HTTP 503 appa:v1 > appb:!503");
		assertThat(ProbeProcess.run(url("/empty")).lines()).containsExactly("! HTTP 500");
		assertThat(ProbeProcess.run(url("/json")).lines()).as("a 2xx reply: its first line, whatever it is")
			.containsExactly("{");
	}

	@Test
	void aReplyPastTheReadTimeoutIsAnErrorLineAndTheProbeDoesNotWaitForIt() {
		server.stubFor(get("/slow").willReturn(aResponse().withBody("appa:v1").withFixedDelay(10_000)));

		ProbeProcess probe = ProbeProcess.run("--count", "3", "--read-timeout", "300", url("/slow"));

		assertThat(probe.lines()).hasSize(3).allSatisfy(line -> assertThat(line)
			.startsWith("! no reply: SocketTimeoutException").containsIgnoringCase("timed out"));
		assertThat(probe.took()).as("three 300 ms timeouts, not a 10 s reply").isLessThan(Duration.ofSeconds(8));
	}

	@Test
	void pastItsDeadlineTheProbeSendsNoMoreGivesUpOnTheRequestInFlightAndEnds() {
		server.stubFor(get("/slow").willReturn(aResponse().withBody("appa:v1").withFixedDelay(2_000)));

		ProbeProcess probe = ProbeProcess.run("--count", "4", "--read-timeout", "60000", "--deadline", "3", url("/slow"));

		assertThat(probe.exit()).as(probe.errors()).isZero();
		assertThat(probe.lines()).as("one reply within 3 s, the second in flight at the deadline, two not sent")
			.containsExactly("appa:v1", "! no reply: deadline", "! no reply: deadline", "! no reply: deadline");
		assertThat(probe.took()).as("the deadline, not four 2 s replies or a 60 s read timeout")
			.isLessThan(Duration.ofSeconds(7));
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/slow")))).as("nothing sent after the deadline")
			.hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void aDeadlineThatIsNotReachedChangesNothing() {
		server.stubFor(get("/").willReturn(aResponse().withBody("appa:v1 > appb:v1\n")));

		ProbeProcess probe = ProbeProcess.run("--count", "3", "--deadline", "30", url("/"));

		assertThat(probe.lines()).containsExactlyElementsOf(Collections.nCopies(3, "appa:v1 > appb:v1"));
		assertThat(probe.took()).isLessThan(Duration.ofSeconds(20));
	}

	@Test
	void aRefusedConnectionIsAnErrorLine() {
		ProbeProcess probe = ProbeProcess.run("--count", "2", "--connect-timeout", "1000", Http.closedPortUrl() + "/");

		assertThat(probe.exit()).isZero();
		assertThat(probe.lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("! no reply: ConnectException"));
	}

	@Test
	void aUsageMistakeExitsWith2AndSaysWhatIsWrong() {
		ProbeProcess noUrl = ProbeProcess.run("--count", "2");
		assertThat(noUrl.exit()).isEqualTo(2);
		assertThat(noUrl.lines()).isEmpty();
		assertThat(noUrl.errors()).contains("the URL to send to is missing", "usage: MeshProbe");
		assertThat(ProbeProcess.run("--count", "0", url("/")).errors()).contains("--count needs a number from 1");
		assertThat(ProbeProcess.run("ftp://127.0.0.1/").errors()).contains("must be http://");
		assertThat(ProbeProcess.run("--header", "no-colon", url("/")).errors()).contains("--header needs name:value");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + server.port() + path;
	}

}
