package io.graychain.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request whose path Spring cannot parse with a 400 problem JSON and one log line.
 *
 * <p>Tomcat refuses most malformed paths itself ({@code /%zz}: 400, see
 * {@link ProblemErrorReportValve}), but lets a bad escape in a path parameter through
 * ({@code /x;%zz}, {@code /;jsessionid=%zz}); Spring MVC then fails to decode it while parsing the
 * path for its handler mappings, and the servlet container logs the exception, some 20 KB of stack
 * trace for each such request, and answers 500. This filter parses the path the same way first.
 */
public class MalformedPathFilter extends OncePerRequestFilter implements Ordered {

	private static final Log log = LogFactory.getLog(MalformedPathFilter.class);

	static final String DETAIL = "the request path is malformed (a bad %-escape)";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			RequestPath.parse(request.getRequestURI(), request.getContextPath());
		}
		catch (IllegalArgumentException malformed) {
			log.info("400 for a malformed request path: " + oneLine(malformed.getMessage()));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(ProblemErrorReportValve.body(HttpStatus.BAD_REQUEST.value(), DETAIL));
			return;
		}
		chain.doFilter(request, response);
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
