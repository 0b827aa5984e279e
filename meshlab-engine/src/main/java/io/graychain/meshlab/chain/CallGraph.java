package io.graychain.meshlab.chain;

import java.util.Optional;

import io.graychain.meshlab.route.HttpRequest;

/** What a service calls next when it handles a request: the hop below it in the chain. */
@FunctionalInterface
public interface CallGraph {

	/**
	 * The request {@code service} at {@code version} sends downstream while handling {@code received},
	 * with the headers it propagates; empty when it calls nothing.
	 */
	Optional<HttpRequest> downstream(String service, String version, HttpRequest received);

	/** The graychain services: appa → appb, frontend → forecast (→ recommendation from v2), product alone. */
	static CallGraph graychain() {
		return new GraychainCalls();
	}

}
