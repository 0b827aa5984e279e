package io.graychain.support.propagation;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * Copies the relayed headers (by default only {@code cookie}) of the request being served onto
 * every downstream Feign call. Of the {@code Cookie} header only the allow-listed cookies travel
 * (by default only {@code user}, the cookie the mesh routes on), in the order the browser sent
 * them; when none of them was sent, no {@code Cookie} header is sent either. Trace context and
 * named baggage headers are not copied here: Micrometer Tracing carries those. This is the one
 * hand-written piece of propagation, for what a tracer cannot carry.
 */
public class CookieRelay implements RequestInterceptor {

	private final PropagationProperties properties;

	private final ReceivedHeaders receivedHeaders;

	public CookieRelay(PropagationProperties properties, ReceivedHeaders receivedHeaders) {
		this.properties = properties;
		this.receivedHeaders = receivedHeaders;
	}

	@Override
	public void apply(RequestTemplate template) {
		for (String name : properties.relayedHeaders()) {
			String value = receivedHeaders.header(name);
			if (value != null && !template.headers().containsKey(name)) {
				template.headerLiteral(name, value);
			}
		}
	}

}
