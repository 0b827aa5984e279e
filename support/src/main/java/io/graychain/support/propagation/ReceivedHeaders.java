package io.graychain.support.propagation;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads the allow-listed headers of the request being served, so a hop can report which of them
 * it received and {@link CookieRelay} can pass the relayed ones on.
 */
public class ReceivedHeaders {

	private final PropagationProperties properties;

	public ReceivedHeaders(PropagationProperties properties) {
		this.properties = properties;
	}

	/** The allow-listed headers of the current request, by lowercase name; empty outside a request. */
	public Map<String, String> received() {
		HttpServletRequest request = currentRequest();
		Map<String, String> received = new LinkedHashMap<>();
		if (request != null) {
			for (String name : properties.allowList()) {
				String value = request.getHeader(name);
				if (value != null) {
					received.put(name, value);
				}
			}
		}
		return received;
	}

	/** The value of one header of the current request, or null. */
	public String header(String name) {
		HttpServletRequest request = currentRequest();
		return (request != null) ? request.getHeader(name) : null;
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}
