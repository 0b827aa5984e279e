package io.graychain.support.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for what fails before Spring sees the request (an oversized header,
 * a malformed request line), as a problem JSON like every other error reply: never HTML, never a
 * stack trace or server version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String body = body(status, detail(status));
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is already on its way: nothing more to say
		}
	}

	/** A problem JSON of a status and a detail (a constant sentence: nothing here is escaped). */
	static String body(int status, String detail) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		return "{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}";
	}

	private static String detail(int status) {
		return switch (status) {
			case 400 -> "the request is malformed or a header or cookie is too large";
			case 413, 431 -> "the request or one of its headers is too large";
			default -> "the server could not handle this request";
		};
	}

}
