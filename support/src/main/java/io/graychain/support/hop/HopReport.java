package io.graychain.support.hop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one hop answers: who it is, the trace it ran in, the propagated headers it received, its
 * own payload, and the reply of the hop below it nested inside.
 *
 * <p>{@code misbehaving} names the misbehaviour this hop was configured with (e.g.
 * {@code GRAYCHAIN_MISBEHAVE_DELAY=1500ms}); it is absent when the hop behaves.
 *
 * <p>A downstream reply that lacks a service or version is not a hop report; constructing one
 * fails, so a garbage body from a downstream becomes a clear 502 rather than a half-filled chain.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "chain", "service", "version" })
public record HopReport(String service, String version, String pod, String namespace, String region, String zone,
		String misbehaving, String traceId, Map<String, String> received, Object data, HopReport downstream) {

	static final String SEPARATOR = " > ";

	public HopReport {
		if (service == null || service.isBlank() || version == null || version.isBlank()) {
			throw new IllegalArgumentException("a hop report names its service and version");
		}
		received = (received != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(received)) : Map.of();
	}

	/** The version chain from this hop down, e.g. {@code appa:v2 > appb:v2}. */
	@JsonProperty(value = "chain", access = JsonProperty.Access.READ_ONLY)
	public String chain() {
		String hop = service + ":" + version;
		return (downstream != null) ? hop + SEPARATOR + downstream.chain() : hop;
	}

}
