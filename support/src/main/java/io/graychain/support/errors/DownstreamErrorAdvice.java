package io.graychain.support.errors;

import feign.FeignException;
import jakarta.servlet.http.HttpServletRequest;

import io.graychain.support.hop.HopReporter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns a failed downstream call into a clear reply: a problem JSON naming this hop, the hop that
 * failed and the chain up to it, with 502, 503 or 504, or for {@code Accept: text/plain} the
 * chain line alone ({@code appa:v2 > appb:!504}). Never a stack trace or an exception class.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DownstreamErrorAdvice {

	private final DownstreamFailures failures;

	private final HopReporter reporter;

	public DownstreamErrorAdvice(DownstreamFailures failures, HopReporter reporter) {
		this.failures = failures;
		this.reporter = reporter;
	}

	@ExceptionHandler(FeignException.class)
	public ResponseEntity<?> downstreamFailed(FeignException ex, HttpServletRequest request) {
		DownstreamFailure failure = failures.classify(ex);
		String hop = reporter.identity().hop();
		String chain = hop + " > " + failure.chainBelow();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(failure.status(), failure.detail());
		problem.setProperty("hop", hop);
		problem.setProperty("failedHop", failure.failedHop());
		problem.setProperty("chain", chain);
		problem.setProperty("traceId", reporter.traceId());
		return ChainReplies.reply(request, failure.status(), chain, problem);
	}

}
