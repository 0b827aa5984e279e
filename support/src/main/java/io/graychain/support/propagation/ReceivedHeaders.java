package io.graychain.support.propagation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads the allow-listed headers of the request being served, so a hop can report which of them
 * it received and {@link CookieRelay} can pass the relayed ones on. The {@code Cookie} header is
 * cut down to the allow-listed cookies here, so no other cookie is ever reported or relayed.
 */
public class ReceivedHeaders {

	private static final String COOKIE = "cookie";

	private final PropagationProperties properties;

	private final CookieAllowList cookies;

	public ReceivedHeaders(PropagationProperties properties) {
		this.properties = properties;
		this.cookies = new CookieAllowList(properties.relayedCookies());
	}

	/** The allow-listed headers of the current request, by lowercase name; empty outside a request. */
	public Map<String, String> received() {
		HttpServletRequest request = currentRequest();
		Map<String, String> received = new LinkedHashMap<>();
		if (request != null) {
			for (String name : properties.allowList()) {
				String value = header(request, name);
				if (value != null) {
					received.put(name, value);
				}
			}
		}
		return received;
	}

	/**
	 * The value of one header of the current request, or null. For {@code cookie}: only the
	 * allow-listed cookies, or null when the request has none of them.
	 */
	public String header(String name) {
		HttpServletRequest request = currentRequest();
		return (request != null) ? header(request, name) : null;
	}

	private String header(HttpServletRequest request, String name) {
		if (!COOKIE.equalsIgnoreCase(name)) {
			return request.getHeader(name);
		}
		List<String> values = Collections.list(request.getHeaders(name));
		return values.isEmpty() ? null : cookies.filter(String.join(CookieAllowList.SEPARATOR, values));
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}
