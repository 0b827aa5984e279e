package io.graychain.meshlab.lab.proxy;

/**
 * Envoy's response flags, in the order and with the short names of envoyproxy/envoy
 * {@code source/common/stream_info/utility.h} ({@code ResponseFlagUtils}, {@code ALL_RESPONSE_STRING_FLAGS}),
 * as access logs and Istio's {@code response_flags} label print them.
 */
public enum ResponseFlag {

	/** Local health check failed. */
	FAILED_LOCAL_HEALTH_CHECK("LH"),
	/** No healthy upstream host in the cluster. */
	NO_HEALTHY_UPSTREAM("UH"),
	/** The upstream did not answer within the route timeout (504). */
	UPSTREAM_REQUEST_TIMEOUT("UT"),
	/** The stream was reset locally. */
	LOCAL_RESET("LR"),
	/** The upstream reset the stream. */
	UPSTREAM_REMOTE_RESET("UR"),
	/** The upstream connection could not be made. */
	UPSTREAM_CONNECTION_FAILURE("UF"),
	/** The upstream connection closed before the reply. */
	UPSTREAM_CONNECTION_TERMINATION("UC"),
	/** Circuit breaking: a connection pool or pending-request limit overflowed (503). */
	UPSTREAM_OVERFLOW("UO"),
	/** No route for the request (404). */
	NO_ROUTE_FOUND("NR"),
	/** The fault filter delayed the request. */
	DELAY_INJECTED("DI"),
	/** The fault filter aborted the request. */
	FAULT_INJECTED("FI"),
	/** Rate limited (429). */
	RATE_LIMITED("RL"),
	/** An external authorization service refused the request. */
	UNAUTHORIZED_EXTERNAL_SERVICE("UAEX"),
	/** The rate limit service failed. */
	RATELIMIT_SERVICE_ERROR("RLSE"),
	/** The downstream connection ended mid-request. */
	DOWNSTREAM_CONNECTION_TERMINATION("DC"),
	/** Retries were exhausted: the last try's reply or failure is the answer. */
	UPSTREAM_RETRY_LIMIT_EXCEEDED("URX"),
	/** The stream idle timeout fired. */
	STREAM_IDLE_TIMEOUT("SI"),
	/** The request had invalid x-envoy-* headers. */
	INVALID_ENVOY_REQUEST_HEADERS("IH"),
	/** A downstream protocol error. */
	DOWNSTREAM_PROTOCOL_ERROR("DPE"),
	/** The upstream stream reached its maximum duration. */
	UPSTREAM_MAX_STREAM_DURATION_REACHED("UMSDR"),
	/** The reply came from the cache filter. */
	RESPONSE_FROM_CACHE_FILTER("RFCF"),
	/** A filter's configuration was not found. */
	NO_FILTER_CONFIG_FOUND("NFCF"),
	/** The request's maximum duration was reached. */
	DURATION_TIMEOUT("DT"),
	/** An upstream protocol error. */
	UPSTREAM_PROTOCOL_ERROR("UPE"),
	/** The route's cluster does not exist. */
	NO_CLUSTER_FOUND("NC");

	private final String shortName;

	ResponseFlag(String shortName) {
		this.shortName = shortName;
	}

	/** The flag as Envoy's access log prints it, e.g. {@code UT}. */
	public String shortName() {
		return shortName;
	}

}
