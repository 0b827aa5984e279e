package io.graychain.meshlab.lab.proxy;

/**
 * Told of every request a lab proxy completed: once per request the gateway or a sidecar answered
 * (forwarded or answered itself), and once per mirrored copy. Called on the proxy's threads: must
 * not block.
 */
@FunctionalInterface
public interface ExchangeListener {

	/** Listens to nothing. */
	ExchangeListener NONE = exchange -> {
	};

	void completed(ProxyExchange exchange);

}
