package io.graychain.support.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.graychain.support.test.HopService;
import io.graychain.support.test.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A malformed request gets a 400 problem JSON and at most one log line, never a stack trace: bad
 * escapes where Tomcat refuses them ({@code /%zz}) and where only Spring would ({@code /x;%zz}, a
 * path parameter), a header that is not HTTP, and an {@code Accept} that is no media type.
 */
@SpringBootTest(classes = HopService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=hop")
@ExtendWith(OutputCaptureExtension.class)
class BadRequestTest {

	@LocalServerPort
	int port;

	@BeforeEach
	void warmUp() {
		// the first request initialises the DispatcherServlet, which logs lines of its own
		assertThat(Http.rawGet(port, "/").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/%zz", "/x;%zz", "/;jsessionid=%zz", "/a%", "/%c0%af", "/x;a=%zz/y" })
	void aBadEscapeInThePath(String target, CapturedOutput output) {
		int before = output.getAll().length();
		Http.RawReply reply = Http.rawGet(port, target);
		assertBadRequest(reply, output.getAll().substring(before));
	}

	@ParameterizedTest
	@ValueSource(strings = { "X-A\u00ff: b", "Content-Length: zz", "Host: %zz", "no colon here", "Accept: ???",
			"Accept: text/plain;q=zz" })
	void aBadHeader(String header, CapturedOutput output) {
		int before = output.getAll().length();
		Http.RawReply reply = Http.raw(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\nConnection: close\r\n\r\n");
		assertBadRequest(reply, output.getAll().substring(before));
	}

	private static void assertBadRequest(Http.RawReply reply, String logged) {
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("\"status\":400").doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(logged.lines()).hasSizeLessThanOrEqualTo(1);
		assertThat(logged).doesNotContain("\tat ");
	}

}
