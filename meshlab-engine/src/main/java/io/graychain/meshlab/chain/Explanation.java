package io.graychain.meshlab.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.route.Share;

/**
 * Which version answers a request, and why: every proxy decision down the call chain, entry first,
 * depth first.
 *
 * @param hops the hops; {@code hops.get(0)} is the entry
 */
public record Explanation(List<ExplainedHop> hops) {

	public Explanation {
		hops = List.copyOf(hops);
	}

	/** Every chain with its share of requests, written as the services report it ({@code appa:v2 > appb:v2}). */
	public Map<String, Share> chains() {
		Map<String, Share> out = new LinkedHashMap<>();
		collect(hops.get(0), "", Share.ALL, out);
		return out;
	}

	private void collect(ExplainedHop hop, String above, Share share, Map<String, Share> out) {
		if (hop.status() != 200 && hop.destinations().isEmpty()) {
			out.merge(join(above, hostName(hop.host()) + ":" + ("unknown-host".equals(hop.outcome()) ? "unreachable"
					: String.valueOf(hop.status()))), share, Share::plus);
			return;
		}
		for (ExplainedHop.Destination d : hop.destinations()) {
			Share reached = share.times(d.share());
			// a hop names the app that answers (a Gateway API backend is a per-version Service such as appa-v2)
			String chain = join(above, (d.app().isEmpty() ? d.service() : d.app()) + ":" + (d.status() == 200 ? d.version() : String.valueOf(d.status())));
			if (d.calls().isEmpty()) {
				out.merge(chain, reached, Share::plus);
			}
			for (int below : d.calls()) {
				collect(hops.get(below), chain, reached, out);
			}
		}
	}

	private static String join(String above, String hop) {
		return above.isEmpty() ? hop : above + " > " + hop;
	}

	static String hostName(String host) {
		int end = host.indexOf(':') >= 0 ? host.indexOf(':') : host.length();
		return host.substring(0, end).split("\\.")[0];
	}

}
