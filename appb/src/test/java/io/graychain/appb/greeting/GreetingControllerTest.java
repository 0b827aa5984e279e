package io.graychain.appb.greeting;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import io.graychain.support.test.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "graychain.identity.version=v2", "POD_NAME=appb-v2-7f9c" })
@ActiveProfiles("v2")
class GreetingControllerTest {

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path, String... headers) {
		return Http.get("http://127.0.0.1:" + port + path, headers);
	}

	@Test
	void reportsItselfAsTheEndOfTheChain() {
		HttpResponse<String> reply = get("/", "x-request-id", "r-1", "end-user", "jason");
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(reply.headers().firstValue("x-content-type-options")).hasValue("nosniff");
		assertThat((String) JsonPath.read(reply.body(), "$.chain")).isEqualTo("appb:v2");
		assertThat((String) JsonPath.read(reply.body(), "$.pod")).isEqualTo("appb-v2-7f9c");
		assertThat((String) JsonPath.read(reply.body(), "$.received.end-user")).isEqualTo("jason");
		assertThat((String) JsonPath.read(reply.body(), "$.traceId")).matches("[0-9a-f]{32}");
	}

	@Test
	void textIsExactlyTheChain() {
		HttpResponse<String> reply = get("/", "Accept", "text/plain");
		assertThat(reply.body()).isEqualTo("appb:v2\n");
	}

	@Test
	void greetsWithTheNameAndItsVersion() {
		HttpResponse<String> reply = get("/greet?name=xx");
		assertThat((String) JsonPath.read(reply.body(), "$.data.message")).isEqualTo("name is: xx-v2");
	}

	@Test
	void aBadNameIsAClearBadRequestThatDoesNotEchoTheValue() {
		HttpResponse<String> reply = get("/greet?name=%3Cscript%3Ealert(1)%3C/script%3E");
		assertThat(reply.statusCode()).isEqualTo(400);
		assertThat(reply.body()).contains("name must be").doesNotContain("<script>").doesNotContain("Exception");
		assertThat(get("/greet").statusCode()).isEqualTo(400);
		Http.RawReply raw = Http.rawGet(port, "/greet?name=<b>x</b>");
		assertThat(raw.status()).isEqualTo(400);
		assertThat(raw.body()).contains("name must be").doesNotContain("<b>");
	}

	@Test
	void unknownPathIsAProblemNotAStackTrace() {
		HttpResponse<String> reply = get("/no/such/path");
		assertThat(reply.statusCode()).isEqualTo(404);
		assertThat(reply.body()).contains("\"status\":404").doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void aMalformedTraceparentIsIgnoredAndANewTraceStarts() {
		HttpResponse<String> reply = get("/", "traceparent", "00-zz-not-a-trace-01");
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(reply.body(), "$.traceId")).matches("[0-9a-f]{32}");
	}

	@Test
	void aValidTraceparentIsContinued() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpResponse<String> reply = get("/", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat((String) JsonPath.read(reply.body(), "$.traceId")).isEqualTo(traceId);
	}

	@Test
	void anOversizedHeaderIsRejectedAndTheServiceKeepsServing() {
		HttpResponse<String> reply = get("/", "cookie", "user=" + "a".repeat(20_000));
		assertThat(reply.statusCode()).isBetween(400, 431);
		assertThat(reply.headers().firstValue("content-type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(reply.body()).contains("too large").doesNotContain("<html").doesNotContain("Tomcat");
		assertThat(get("/").statusCode()).isEqualTo(200);
	}

}
