package io.graychain.frontend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input over real HTTP: a clear 4xx, nothing reflected as markup, and the service keeps serving. */
@FrontendTest
class BadInputTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	@LocalServerPort
	int port;

	@Test
	void unknownPathIsA404Problem() throws Exception {
		HttpResponse<String> reply = send(request("/no/such/page").header("Accept", "application/json"));
		assertThat(reply.statusCode()).isEqualTo(404);
		assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(reply.body()).doesNotContain("Exception", "at io.graychain");
	}

	@Test
	void badQueryValueIsA400ThatDoesNotEchoIt() throws Exception {
		HttpResponse<String> reply = send(request("/api/forecast?city=%3Cscript%3Ealert(1)%3C/script%3E"));
		assertThat(reply.statusCode()).isEqualTo(400);
		assertThat(reply.body()).contains("city must be one of").doesNotContain("<script>");
	}

	@Test
	void anOversizedCookieIsA4xxAndTheServiceKeepsServing() throws Exception {
		HttpResponse<String> reply = send(request("/api/ui").header("Cookie", "user=" + "x".repeat(20_000)));
		assertThat(reply.statusCode()).isBetween(400, 499);
		assertThat(reply.body()).doesNotContain("Exception", "at org.", "<html");
		assertThat(reply.headers().firstValue("content-type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> header = send(request("/api/ui").header("X-Request-Id", "y".repeat(20_000)));
		assertThat(header.statusCode()).isBetween(400, 499);
		assertThat(send(request("/api/ui")).statusCode()).isEqualTo(200);
	}

	@Test
	void htmlInAReflectedHeaderComesBackAsJsonData() throws Exception {
		HttpResponse<String> reply = send(request("/api/ui").header("X-Request-Id", "<b>x</b>"));
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		assertThat(reply.body()).contains("\"x-request-id\":\"<b>x</b>\"");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
