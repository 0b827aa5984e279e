package io.graychain.meshlab.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.graychain.meshlab.analyze.Finding;
import io.graychain.meshlab.chain.ExplainedHop;
import io.graychain.meshlab.chain.Explanation;

/**
 * An explanation as the JSON {@code scripts/explain --json} prints, documented in docs/explain.md:
 * field names and meanings are a stable interface, so they are written out here one by one.
 */
public final class ExplanationJson {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private ExplanationJson() {
	}

	public static String write(Explanation explanation, List<Finding> findings) {
		Map<String, Object> root = new LinkedHashMap<>();
		List<Object> hops = new ArrayList<>();
		explanation.hops().forEach(h -> hops.add(hop(h)));
		root.put("hops", hops);
		List<Object> chains = new ArrayList<>();
		explanation.chains().forEach((chain, share) -> {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("chain", chain);
			c.put("percent", share.percent());
			chains.add(c);
		});
		root.put("chains", chains);
		List<Object> analyzer = new ArrayList<>();
		findings.forEach(f -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
			m.put("code", f.code().name());
			m.put("file", f.file());
			m.put("resource", f.resource());
			m.put("field", f.field());
			m.put("message", f.message());
			analyzer.add(m);
		});
		root.put("findings", analyzer);
		try {
			return JSON.writeValueAsString(root) + "\n";
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write the explanation as JSON", ex);
		}
	}

	private static Map<String, Object> hop(ExplainedHop h) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", h.id());
		out.put("parent", h.parent() < 0 ? null : h.parent());
		out.put("from", h.from());
		out.put("host", h.host());
		out.put("path", h.path());
		out.put("virtualHost", h.virtualHost());
		out.put("status", h.status());
		out.put("outcome", h.outcome());
		out.put("reason", h.reason());
		out.put("rule", h.rule() == null ? null : rule(h.rule()));
		List<Object> passed = new ArrayList<>();
		h.passedOver().forEach(p -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("route", p.rule());
			m.put("reason", p.reason());
			passed.add(m);
		});
		out.put("passedOver", passed);
		List<Object> destinations = new ArrayList<>();
		h.destinations().forEach(d -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("service", d.service());
			m.put("subset", d.subset());
			m.put("workload", d.workload());
			m.put("app", d.app());
			m.put("version", d.version());
			m.put("percent", d.share().percent());
			m.put("status", d.status());
			m.put("calls", d.calls());
			m.put("trafficPolicy", d.trafficPolicy());
			destinations.add(m);
		});
		out.put("destinations", destinations);
		out.put("policy", h.policy());
		out.put("calls", h.calls());
		return out;
	}

	private static Map<String, Object> rule(ExplainedHop.RuleRef r) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("kind", r.kind());
		out.put("namespace", r.namespace());
		out.put("name", r.name());
		out.put("route", r.route());
		out.put("routeName", r.routeName());
		out.put("delegate", r.delegate());
		out.put("match", r.match() < 0 ? null : r.match());
		return out;
	}

}
