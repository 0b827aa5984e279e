package io.graychain.support.propagation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The cookies a hop may pass on and report, by exact (case-sensitive) name. A browser sends every
 * cookie it holds for a host in one {@code Cookie} header; only the allow-listed ones travel down
 * the chain, so a session cookie (HttpOnly or not) stays at the hop that received it and never
 * appears in a reply. Plain Java, no Spring: meshlab's route engine relays cookies with it too, as
 * the services do.
 */
public final class CookieAllowList {

	/** How a browser joins the cookies of one {@code Cookie} header. */
	static final String SEPARATOR = "; ";

	private final Set<String> names;

	public CookieAllowList(Collection<String> names) {
		this.names = Set.copyOf(names);
	}

	/**
	 * The allow-listed cookies of a {@code Cookie} header, in the order they were sent and joined
	 * as a browser joins them ({@code a=1; user=tester}), or null when none is allowed. Spaces
	 * around a name or value are dropped, a value keeps any {@code =} it contains, and a piece
	 * without {@code =} is no cookie.
	 */
	public String filter(String header) {
		if (header == null || names.isEmpty()) {
			return null;
		}
		List<String> kept = new ArrayList<>();
		for (String piece : header.split(";")) {
			int equals = piece.indexOf('=');
			if (equals >= 0) {
				String name = piece.substring(0, equals).strip();
				if (names.contains(name)) {
					kept.add(name + "=" + piece.substring(equals + 1).strip());
				}
			}
		}
		return kept.isEmpty() ? null : String.join(SEPARATOR, kept);
	}

}
