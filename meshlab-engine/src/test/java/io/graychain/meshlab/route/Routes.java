package io.graychain.meshlab.route;

import java.util.Map;
import java.util.TreeMap;

import io.graychain.meshlab.testing.Mesh;

/** Helpers for engine tests: VirtualService YAML and decisions as {@code workload -> percent}. */
final class Routes {

	private Routes() {
	}

	/** A mesh-bound VirtualService for {@code host} with the given {@code http:} list (YAML, indented 2). */
	static String meshRule(String host, String http) {
		return """
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata: {name: %1$s}
				spec:
				  hosts: [%1$s]
				  http:
				%2$s""".formatted(host, http.indent(2));
	}

	/** Where a request from {@code source} goes, as {@code {appb-v2=100}}. */
	static Map<String, String> where(RouteEngine engine, HttpRequest request, String source) {
		return shares(engine.decide(request, engine.source(source)));
	}

	static Map<String, String> shares(Decision decision) {
		Map<String, String> out = new TreeMap<>();
		decision.destinations().forEach(d -> out.merge(d.available() ? d.workload().name() : d.service() + "/" + d.subset() + ":503",
				d.share().percent().toPlainString(), (a, b) -> a + "+" + b));
		return out;
	}

	static RouteEngine engine(String... rules) {
		return Mesh.engine(rules);
	}

}
