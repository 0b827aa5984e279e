package io.graychain.frontend.session;

import java.time.Duration;

import io.graychain.support.errors.BadInput;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in sets the cookie {@code user=<name>} that an Istio cookie rule routes on (a routing
 * hint, not a credential: the page reads it, so it is not HttpOnly), the one cookie the services
 * pass down the chain ({@code graychain.propagation.relayed-cookies}). Signing out clears it.
 */
@RestController
class SessionController {

	static final String COOKIE = "user";

	private static final Duration LIFETIME = Duration.ofDays(1);

	@PostMapping("/api/session")
	ResponseEntity<Session> signIn(@RequestBody Session session) {
		String user = BadInput.name(COOKIE, session.user());
		return withCookie(user, LIFETIME).body(new Session(user));
	}

	@DeleteMapping("/api/session")
	ResponseEntity<Session> signOut() {
		return withCookie("", Duration.ZERO).body(new Session(null));
	}

	private static ResponseEntity.BodyBuilder withCookie(String value, Duration maxAge) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value).path("/").sameSite("Lax").maxAge(maxAge).build();
		return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
