package io.graychain.meshlab.lab.proxy;

/**
 * What a proxy does with one request: send it to an endpoint, or answer it itself with an error
 * status the way Envoy does (404 no route, 503 no healthy upstream).
 *
 * @param endpoint the pod that answers, or null when the proxy answers
 * @param status the status the proxy answers with when there is no endpoint
 * @param reason which rule decided, readable
 */
public record Routed(Endpoint endpoint, int status, String reason) {

	public static Routed to(Endpoint endpoint, String reason) {
		return new Routed(endpoint, 0, reason);
	}

	public static Routed refused(int status, String reason) {
		return new Routed(null, status, reason);
	}

	public boolean routed() {
		return endpoint != null;
	}

}
