package io.graychain.support.misbehave;

import jakarta.servlet.http.HttpServletRequest;

import io.graychain.support.errors.ChainReplies;
import io.graychain.support.hop.HopReporter;
import io.graychain.support.identity.Identity;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The reply of a request that fails on purpose: 500, a problem JSON that names this hop and the
 * setting ({@code "misbehaving": "GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30"}), or for text the chain
 * line {@code appb:!500}. The hop above keeps this hop as the one that failed, so its chain reads
 * {@code appa:v1 > appb:!500}: the services answer {@code !500} only for this, their own failures
 * being 502, 503 or 504.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MisbehaviourAdvice {

	private final HopReporter reporter;

	public MisbehaviourAdvice(HopReporter reporter) {
		this.reporter = reporter;
	}

	@ExceptionHandler(Misbehaving.class)
	public ResponseEntity<?> misbehaved(Misbehaving ex, HttpServletRequest request) {
		Identity identity = reporter.identity();
		HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
		String chain = identity.service() + ":!" + status.value();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				identity.hop() + " misbehaves on purpose (" + ex.getMessage() + ")");
		problem.setProperty("hop", identity.hop());
		problem.setProperty("failedHop", identity.service());
		problem.setProperty("chain", chain);
		problem.setProperty("misbehaving", ex.getMessage());
		problem.setProperty("traceId", reporter.traceId());
		return ChainReplies.reply(request, status, chain, problem);
	}

}
