package io.graychain.meshlab.lab.client;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A version chain as the services write it in their one-line text reply: {@code appa:v2 > appb:v2};
 * a failed hop reads {@code appb:!503}. A reply that is no chain (an error page of a proxy) is written
 * {@code HTTP <status>}.
 *
 * @param text the chain, e.g. {@code appa:v2 > appb:v1}
 */
public record ChainLine(String text) {

	private static final Pattern CHAIN = Pattern.compile("[a-z0-9-]+:\\S+( > [a-z0-9-]+:\\S+)*");

	/** The chain a reply shows: its first line when that is a chain, else {@code HTTP <status>}. */
	public static ChainLine of(OneShotHttp.Reply reply) {
		String first = reply.body().strip().lines().findFirst().orElse("").strip();
		if (reply.status() != 0 && CHAIN.matcher(first).matches()) {
			return new ChainLine(first);
		}
		return new ChainLine(reply.status() == 0 ? "no reply" : "HTTP " + reply.status());
	}

	/** Each hop as {@code service:version}. */
	public List<String> hops() {
		return CHAIN.matcher(text).matches() ? Arrays.asList(text.split(" > ")) : List.of();
	}

	/**
	 * True when the hops ran different lanes: among services that run more than one version
	 * ({@code lanes}), the answering versions differ (e.g. {@code appa:v2 > appb:v1}). Failed hops
	 * ({@code appb:!503}) run no lane.
	 */
	public boolean crossed(Set<String> lanes) {
		return hops().stream().map(h -> h.split(":", 2)).filter(h -> lanes.contains(h[0]) && !h[1].startsWith("!"))
			.map(h -> h[1]).collect(Collectors.toSet()).size() > 1;
	}

	/** True when every hop answered (no failed hop, a real chain). */
	public boolean complete() {
		return !hops().isEmpty() && hops().stream().noneMatch(h -> h.contains(":!"));
	}

	@Override
	public String toString() {
		return text;
	}

}
