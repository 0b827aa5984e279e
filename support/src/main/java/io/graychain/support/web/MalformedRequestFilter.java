package io.graychain.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request whose path or {@code Accept} header Spring cannot parse with a 400 problem JSON
 * and one log line.
 *
 * <p>Tomcat refuses most malformed paths itself ({@code /%zz}: 400, see
 * {@link ProblemErrorReportValve}), but lets a bad escape in a path parameter through
 * ({@code /x;%zz}, {@code /;jsessionid=%zz}); Spring MVC then fails to decode it while parsing the
 * path for its handler mappings, and the servlet container logs the exception, some 20 KB of stack
 * trace for each such request, and answers 500. This filter parses the path the same way first.
 * An {@code Accept} header that is no list of media types would be a 406 with an empty body.
 */
public class MalformedRequestFilter extends OncePerRequestFilter implements Ordered {

	private static final Log log = LogFactory.getLog(MalformedRequestFilter.class);

	static final String BAD_PATH = "the request path is malformed (a bad %-escape)";

	static final String BAD_ACCEPT = "the Accept header is not a list of media types";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			RequestPath.parse(request.getRequestURI(), request.getContextPath());
		}
		catch (IllegalArgumentException malformed) {
			badRequest(response, BAD_PATH, malformed);
			return;
		}
		try {
			for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
				MediaType.parseMediaTypes(accept);
			}
		}
		catch (InvalidMediaTypeException malformed) {
			badRequest(response, BAD_ACCEPT, malformed);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void badRequest(HttpServletResponse response, String detail, RuntimeException cause) throws IOException {
		log.info("400, " + detail + ": " + oneLine(cause.getMessage()));
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(ProblemErrorReportValve.body(HttpStatus.BAD_REQUEST.value(), detail));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/** A message on one line, bounded: control characters as '?', at most 120 characters. */
	static String oneLine(String message) {
		String text = String.valueOf(message).replaceAll("\\p{Cntrl}", "?");
		return text.length() > 120 ? text.substring(0, 120) + "..." : text;
	}

}
