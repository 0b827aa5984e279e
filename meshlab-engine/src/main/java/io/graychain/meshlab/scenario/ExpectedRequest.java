package io.graychain.meshlab.scenario;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.graychain.meshlab.route.HttpRequest;

/**
 * One request of an expectation file and what must answer it: either one {@code chain} or the
 * {@code shares} (percent) of several chains.
 *
 * @param name what the request stands for
 * @param entry {@code gateway} for the ingress gateway, or the workload (Deployment) that sends it
 * @param host the Host header, e.g. {@code appa.graychain.local} at the gateway or {@code appb:8000} in the mesh
 * @param path the path, without query string
 * @param headers request headers
 * @param cookies cookies, sent in this order as one {@code Cookie} header
 * @param query query parameters
 * @param chain the one chain that must answer, e.g. {@code appa:v2 > appb:v2}
 * @param shares the exact percentage of each chain, for weighted rules
 * @param statuses the final statuses at the entry and their shares, or null
 * @param latency bounds on each request's time at the entry, or null
 * @param seenBy the percent of these requests each version's own metrics count (a mirror's copies too)
 * @param concurrency send the request with this many connections at once ({@link LoadStep}), or null;
 *        {@code statuses} then tell the statuses under that load, the chain or shares the 200 replies
 * @param count how many requests in all with {@code concurrency}
 */
public record ExpectedRequest(@JsonProperty(required = true) String name, @JsonProperty(required = true) String entry,
		@JsonProperty(required = true) String host, String path, Map<String, String> headers, Map<String, String> cookies,
		Map<String, String> query, String chain, Map<String, BigDecimal> shares, ExpectedStatuses statuses,
		LatencyBounds latency, SeenBy seenBy, Integer concurrency, Integer count) {

	/** The entry that names the ingress gateway. */
	public static final String GATEWAY = "gateway";

	public ExpectedRequest(String name, String entry, String host, String path, Map<String, String> headers,
			Map<String, String> cookies, Map<String, String> query, String chain, Map<String, BigDecimal> shares) {
		this(name, entry, host, path, headers, cookies, query, chain, shares, null, null, SeenBy.NONE, null, null);
	}

	public ExpectedRequest {
		if (chain != null && shares != null) {
			throw new IllegalArgumentException("request '" + name + "' names both chain and shares; give one");
		}
		path = path == null ? "/" : path;
		headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
		cookies = cookies == null ? Map.of() : new LinkedHashMap<>(cookies);
		query = query == null ? Map.of() : new LinkedHashMap<>(query);
		shares = chain != null ? Map.of(chain, BigDecimal.valueOf(100)) : shares == null ? Map.of() : new LinkedHashMap<>(shares);
		seenBy = seenBy == null ? SeenBy.NONE : seenBy;
		LoadStep.of(name, concurrency, count);
		if (concurrency != null && (latency != null || !seenBy.equals(SeenBy.NONE))) {
			throw new IllegalArgumentException("request '" + name + "': a load step (concurrency) checks statuses and chains only;"
					+ " give latency or seenBy on a request without concurrency");
		}
	}

	/** The load step this request is sent with, if its {@code concurrency} is set. */
	public java.util.Optional<LoadStep> loadStep() {
		return java.util.Optional.ofNullable(LoadStep.of(name, concurrency, count));
	}

	/** The request as it leaves the client. */
	public HttpRequest toRequest() {
		HttpRequest request = new HttpRequest(host, path, "GET", headers, query);
		for (Map.Entry<String, String> cookie : cookies.entrySet()) {
			request = request.withCookie(cookie.getKey(), cookie.getValue());
		}
		return request;
	}

	public boolean atGateway() {
		return GATEWAY.equals(entry);
	}

}
