package io.graychain.support.errors;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;

/**
 * The two shapes of a failed hop's reply: a problem JSON, or for {@code Accept: text/plain} the
 * chain line alone ({@code appa:v2 > appb:!504}), so a curl loop counts failures like chains.
 */
public final class ChainReplies {

	private ChainReplies() {
	}

	/** The chain line when the client prefers text, else {@code problem}; both with {@code status}. */
	public static ResponseEntity<?> reply(HttpServletRequest request, HttpStatusCode status, String chain,
			ProblemDetail problem) {
		if (prefersText(request.getHeader(HttpHeaders.ACCEPT))) {
			return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(chain + "\n");
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static boolean prefersText(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			MimeTypeUtils.sortBySpecificity(types);
			for (MediaType type : types) {
				if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
					return false;
				}
				if (type.isCompatibleWith(MediaType.TEXT_PLAIN) && !type.isWildcardType()) {
					return true;
				}
			}
		}
		catch (RuntimeException malformed) {
			return false;
		}
		return false;
	}

}
