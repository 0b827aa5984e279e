package io.graychain.meshlab.route;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Envoy's virtual host selection by the Host header (lower case, port ignored): an exact domain,
 * else the longest suffix wildcard ({@code *.example.com}, matching at least one character before
 * the suffix), else the prefix wildcards ({@code foo.*}) longest first, else {@code *}. A host
 * whose virtual host has no matching route gets 404; it never falls through to a less specific
 * virtual host (envoy source/common/router/config_impl.cc RouteMatcher::findVirtualHost,
 * findWildcardVirtualHost).
 */
public final class VirtualHosts {

	private VirtualHosts() {
	}

	public static Optional<String> select(Collection<String> domains, String host) {
		if (domains.contains(host)) {
			return Optional.of(host);
		}
		Optional<String> suffix = domains.stream()
			.filter(d -> d.startsWith("*") && d.length() > 1)
			.filter(d -> host.length() > d.length() - 1 && host.endsWith(d.substring(1)))
			.max(Comparator.comparingInt(String::length));
		if (suffix.isPresent()) {
			return suffix;
		}
		Optional<String> prefix = domains.stream()
			.filter(d -> d.endsWith("*") && d.length() > 1)
			.filter(d -> host.length() > d.length() - 1 && host.startsWith(d.substring(0, d.length() - 1)))
			.max(Comparator.comparingInt(String::length));
		return prefix.or(() -> domains.contains("*") ? Optional.of("*") : Optional.empty());
	}

}
