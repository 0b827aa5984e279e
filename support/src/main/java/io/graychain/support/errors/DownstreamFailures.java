package io.graychain.support.errors;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.codec.DecodeException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.openfeign.FeignClientProperties;
import org.springframework.http.HttpStatus;

/**
 * Classifies a failed Feign call: unreachable (503), too slow (504), a broken or unreadable reply
 * or an error status (502). When the hop below answered with a graychain error of its own, its failed
 * hop, status and chain are kept, so the reply names the hop that really failed.
 */
public class DownstreamFailures {

	private final DownstreamProperties properties;

	private final JsonMapper json;

	private final ObjectProvider<FeignClientProperties> feignClients;

	public DownstreamFailures(DownstreamProperties properties, JsonMapper json,
			ObjectProvider<FeignClientProperties> feignClients) {
		this.properties = properties;
		this.json = json;
		this.feignClients = feignClients;
	}

	public DownstreamFailure classify(FeignException ex) {
		String hop = hopName(ex.request());
		if (ex instanceof RetryableException && ex.status() <= 0) {
			return unreachableOrSlow(hop, ex);
		}
		if (ex instanceof DecodeException) {
			return DownstreamFailure.at(HttpStatus.BAD_GATEWAY, hop, hop + " replied with a body that is not a hop report");
		}
		DownstreamFailure nested = nested(ex, hop);
		if (nested != null) {
			return nested;
		}
		return fromProxy(hop, ex);
	}

	/**
	 * A 503 or 504 without a graychain body is the mesh speaking (Envoy's "no healthy upstream",
	 * "upstream request timeout"): the hop is unavailable or too slow, as if the call had failed
	 * here. Any other status is the hop answering wrongly.
	 */
	private DownstreamFailure fromProxy(String hop, FeignException ex) {
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			return DownstreamFailure.at(HttpStatus.SERVICE_UNAVAILABLE, hop, hop + " is unavailable (503 from the mesh)");
		}
		if (ex.status() == HttpStatus.GATEWAY_TIMEOUT.value()) {
			return DownstreamFailure.at(HttpStatus.GATEWAY_TIMEOUT, hop, hop + " did not answer in time (504 from the mesh)");
		}
		return DownstreamFailure.at(HttpStatus.BAD_GATEWAY, hop, hop + " answered with status " + ex.status());
	}

	private DownstreamFailure unreachableOrSlow(String hop, FeignException ex) {
		Throwable cause = ex.getCause();
		String message = (cause != null && cause.getMessage() != null) ? cause.getMessage().toLowerCase(Locale.ROOT) : "";
		boolean connecting = message.contains("connect");
		if (cause instanceof SocketTimeoutException && !connecting) {
			return DownstreamFailure.at(HttpStatus.GATEWAY_TIMEOUT, hop,
					hop + " did not answer within " + readTimeoutMillis(hop) + " ms");
		}
		if (cause instanceof SocketTimeoutException || cause instanceof ConnectException
				|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
			return DownstreamFailure.at(HttpStatus.SERVICE_UNAVAILABLE, hop, hop + " is unreachable");
		}
		return DownstreamFailure.at(HttpStatus.BAD_GATEWAY, hop, hop + " broke off its reply");
	}

	private DownstreamFailure nested(FeignException ex, String hop) {
		Map<?, ?> body = readObject(ex);
		if (body == null || !(body.get("failedHop") instanceof String failedHop)
				|| !(body.get("chain") instanceof String chain)) {
			return null;
		}
		HttpStatus status = HttpStatus.resolve(ex.status());
		if (status != HttpStatus.SERVICE_UNAVAILABLE && status != HttpStatus.GATEWAY_TIMEOUT) {
			status = HttpStatus.BAD_GATEWAY;
		}
		String detail = (body.get("detail") instanceof String text) ? text : hop + " failed";
		return new DownstreamFailure(status, failedHop, detail, chain);
	}

	private Map<?, ?> readObject(FeignException ex) {
		try {
			String content = ex.contentUTF8();
			return (content == null || content.isBlank()) ? null : json.readValue(content, Map.class);
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	/** The read timeout of the client that failed (a client may set its own), else the default. */
	private long readTimeoutMillis(String hop) {
		FeignClientProperties clients = feignClients.getIfAvailable();
		if (clients != null) {
			for (String name : new String[] { hop, clients.getDefaultConfig() }) {
				FeignClientProperties.FeignClientConfiguration config = clients.getConfig().get(name);
				if (config != null && config.getReadTimeout() != null) {
					return config.getReadTimeout();
				}
			}
		}
		return properties.readTimeout().toMillis();
	}

	private static String hopName(Request request) {
		if (request == null) {
			return "downstream";
		}
		if (request.requestTemplate() != null && request.requestTemplate().feignTarget() != null) {
			return request.requestTemplate().feignTarget().name();
		}
		return URI.create(request.url()).getHost();
	}

}
