package io.graychain.support.propagation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The propagation allow-list. Trace headers are written by Micrometer Tracing, baggage fields
 * are carried as its baggage remote fields, and relayed headers (what a tracer cannot carry, such
 * as {@code cookie}) are copied by {@link CookieRelay}. Of the {@code Cookie} header only the
 * relayed cookies travel, by exact name (cookie names are case-sensitive, header names are not).
 * Defaults live in {@code graychain-defaults.properties}.
 */
@ConfigurationProperties("graychain.propagation")
public record PropagationProperties(List<String> traceHeaders, List<String> baggageFields,
		List<String> relayedHeaders, List<String> relayedCookies) {

	public PropagationProperties {
		traceHeaders = lowercase(trimmed(traceHeaders));
		baggageFields = lowercase(trimmed(baggageFields));
		relayedHeaders = lowercase(trimmed(relayedHeaders));
		relayedCookies = trimmed(relayedCookies);
	}

	/** Every header a hop passes on and reports having received, in a stable order. */
	public List<String> allowList() {
		return Stream.of(traceHeaders, baggageFields, relayedHeaders).flatMap(List::stream).distinct().toList();
	}

	private static List<String> trimmed(List<String> names) {
		return (names == null) ? List.of() : names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
	}

	private static List<String> lowercase(List<String> names) {
		return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
	}

}
