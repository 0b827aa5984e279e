package io.graychain.support.errors;

import org.springframework.http.HttpStatus;

/**
 * Why a call down the chain failed: the status this hop answers with (502, 503 or 504), the hop
 * that failed, a sentence for people, and the chain below this hop up to the failure (for
 * example {@code appb:!504}, or {@code forecast:v2 > recommendation:!503} when the failure is
 * deeper down and the hop below already reported it).
 */
public record DownstreamFailure(HttpStatus status, String failedHop, String detail, String chainBelow) {

	static final String FAILED_MARK = ":!";

	static DownstreamFailure at(HttpStatus status, String failedHop, String detail) {
		return new DownstreamFailure(status, failedHop, detail, failedHop + FAILED_MARK + status.value());
	}

}
