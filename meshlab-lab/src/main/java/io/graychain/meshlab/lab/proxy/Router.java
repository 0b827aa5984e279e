package io.graychain.meshlab.lab.proxy;

import io.graychain.meshlab.route.HttpRequest;

/** What the lab's proxies need from the route engine: which pod answers one request. */
@FunctionalInterface
public interface Router {

	/** The name the ingress gateway goes by as a source. */
	String GATEWAY = "gateway";

	/**
	 * The name the Gateway API gateway goes by as a source: the Gateway {@code graychain-http} of
	 * istio/gateway-api (Istio deploys one gateway per Gateway, so the lab serves it on its own port).
	 */
	String GATEWAY_API = "graychain-http";

	/**
	 * Picks the pod for one request, by weighted random choice over the engine's shares.
	 *
	 * @param from {@link #GATEWAY} for the ingress gateway, or the Deployment name of the sending workload
	 * @param request the request as the proxy received it
	 */
	Routed route(String from, HttpRequest request);

}
