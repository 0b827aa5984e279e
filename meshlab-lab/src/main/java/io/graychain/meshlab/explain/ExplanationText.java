package io.graychain.meshlab.explain;

import java.util.List;
import java.util.Map;

import io.graychain.meshlab.analyze.Finding;
import io.graychain.meshlab.chain.ExplainedHop;
import io.graychain.meshlab.chain.Explanation;
import io.graychain.meshlab.route.Share;

/** An explanation for people: hop by hop down the chain, each branch indented below its destination. */
public final class ExplanationText {

	private ExplanationText() {
	}

	public static String write(Explanation explanation, List<Finding> findings) {
		StringBuilder out = new StringBuilder();
		hop(explanation, explanation.hops().get(0), "", out);
		out.append("chains:\n");
		for (Map.Entry<String, Share> chain : explanation.chains().entrySet()) {
			out.append(String.format("  %8s  %s%n", chain.getValue(), chain.getKey()));
		}
		if (!findings.isEmpty()) {
			out.append("the analyzer says:\n");
			findings.forEach(f -> out.append("  ").append(f).append('\n'));
		}
		return out.toString();
	}

	private static void hop(Explanation explanation, ExplainedHop h, String indent, StringBuilder out) {
		out.append(indent).append(h.from()).append(" -> ").append(h.host()).append(' ').append(h.path());
		if (!h.virtualHost().isEmpty()) {
			out.append("   (virtual host ").append(h.virtualHost()).append(')');
		}
		out.append('\n');
		String in = indent + "  ";
		for (ExplainedHop.Passed p : h.passedOver()) {
			out.append(in).append("passed over ").append(p.rule()).append(": ").append(p.reason()).append('\n');
		}
		if (h.rule() != null) {
			ExplainedHop.RuleRef r = h.rule();
			out.append(in).append(h.status()).append(" decided by ").append(r.kind()).append(' ').append(r.namespace()).append('/').append(r.name());
			if (!r.delegate().isEmpty()) {
				out.append(" > delegate ").append(r.delegate());
			}
			boolean httpRoute = "HTTPRoute".equals(r.kind());
			out.append(httpRoute ? " spec.rules[" : " spec.http[").append(r.route()).append(']');
			if (r.match() >= 0) {
				out.append(httpRoute ? ".matches[" : ".match[").append(r.match()).append(']');
			}
			if (!r.routeName().isEmpty()) {
				out.append(" (").append(r.routeName()).append(')');
			}
			out.append('\n');
			h.policy().forEach(line -> out.append(in).append("  ").append(line).append('\n'));
		}
		else {
			out.append(in).append(h.status()).append(' ').append(h.reason()).append('\n');
		}
		for (ExplainedHop.Destination d : h.destinations()) {
			out.append(in).append(String.format("%7s", d.share())).append("  ").append(d.service())
				.append(d.subset().isEmpty() ? "" : " subset " + d.subset()).append(" -> ")
				.append(d.status() == 200 ? d.workload() + " (app=" + d.app() + ", version=" + d.version() + ")"
						: "no pod: " + d.status() + " no healthy upstream")
				.append('\n');
			d.trafficPolicy().forEach(line -> out.append(in).append("         ").append(line).append('\n'));
			for (int below : d.calls()) {
				hop(explanation, explanation.hops().get(below), in + "    ", out);
			}
		}
	}

}
