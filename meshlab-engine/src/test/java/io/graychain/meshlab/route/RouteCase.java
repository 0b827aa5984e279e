package io.graychain.meshlab.route;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One table-driven case of src/test/resources/route-cases: rules, a request, what must answer.
 *
 * @param name what the case pins
 * @param source the Istio/Envoy source it follows (repository path and function)
 * @param rules YAML documents applied over the fixture mesh (testing/Mesh.java), as kubectl apply does
 * @param from {@code gateway} (default) or the workload that sends the request
 * @param request the request
 * @param expect what must answer
 */
record RouteCase(@JsonProperty(required = true) String name, @JsonProperty(required = true) String source, String rules,
		String from, @JsonProperty(required = true) Request request, @JsonProperty(required = true) Expect expect) {

	/**
	 * @param host the Host header
	 * @param path the path and query (default {@code /})
	 * @param method the method (default GET)
	 * @param headers request headers
	 * @param cookies cookies, sent in this order as one Cookie header
	 */
	record Request(@JsonProperty(required = true) String host, String path, String method, Map<String, String> headers,
			java.util.LinkedHashMap<String, String> cookies) {
	}

	/**
	 * @param status the proxy's status: 200, 404, 500, 503
	 * @param to percent by workload (Deployment) when routed
	 * @param route the route that decided, as {@link ResolvedRoute#describe()} or, for an HTTPRoute rule,
	 *        {@link Decision.RuleRef#describe()} starts
	 * @param passed a text one of the passed-over routes' reasons contains
	 * @param policy the deciding route's policy, every line as {@link RoutePolicy#describe()} writes it
	 */
	record Expect(int status, Map<String, BigDecimal> to, String route, String passed, java.util.List<String> policy) {
	}

	@Override
	public String toString() {
		return name;
	}

}
