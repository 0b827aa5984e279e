package io.graychain.meshlab.lab.observe;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * One line saying what a VirtualService does, for the dashboard: its hosts, where it applies, and
 * each HTTP route in order (its match conditions, then where it sends what share), e.g.
 * {@code product (product.graychain.local at graychain-gateway): all -> product v1 50%, product v2 50%}.
 */
public final class RuleSummary {

	private RuleSummary() {
	}

	public static String of(VirtualServiceDef vs) {
		String where = vs.gateways().isEmpty() ? "in the mesh" : "at " + String.join(", ", vs.gateways());
		List<String> routes = new ArrayList<>();
		for (HTTPRoute route : vs.http()) {
			routes.add(conditions(route.getMatch()) + " -> " + destinations(route));
		}
		return vs.name() + " (" + String.join(", ", vs.hosts()) + " " + where + "): "
				+ (routes.isEmpty() ? "no HTTP route" : String.join("; ", routes)) + "   [" + fileName(vs.file()) + "]";
	}

	/** The file's own name, never the machine's folders. */
	private static String fileName(String file) {
		int slash = file == null ? -1 : file.lastIndexOf('/');
		return file == null ? "" : file.substring(slash + 1);
	}

	private static String conditions(List<HTTPMatchRequest> matches) {
		if (matches == null || matches.isEmpty()) {
			return "all";
		}
		List<String> any = new ArrayList<>();
		for (HTTPMatchRequest match : matches) {
			List<String> all = new ArrayList<>();
			if (match.getUri() != null) {
				all.add("uri");
			}
			if (match.getHeaders() != null) {
				match.getHeaders().keySet().forEach(h -> all.add("header " + h));
			}
			if (match.getQueryParams() != null) {
				match.getQueryParams().keySet().forEach(q -> all.add("query " + q));
			}
			if (match.getSourceLabels() != null && !match.getSourceLabels().isEmpty()) {
				all.add("from " + match.getSourceLabels());
			}
			any.add(all.isEmpty() ? "all" : String.join(" & ", all));
		}
		return "if " + String.join(" or ", any);
	}

	private static String destinations(HTTPRoute route) {
		if (route.getDelegate() != null) {
			return "delegate " + route.getDelegate().getName();
		}
		if (route.getRedirect() != null) {
			return "redirect";
		}
		if (route.getDirectResponse() != null) {
			return "answer " + route.getDirectResponse().getStatus();
		}
		List<String> out = new ArrayList<>();
		List<HTTPRouteDestination> to = route.getRoute() == null ? List.of() : route.getRoute();
		for (HTTPRouteDestination d : to) {
			String subset = d.getDestination().getSubset();
			out.add(d.getDestination().getHost() + (subset == null || subset.isEmpty() ? "" : " " + subset)
					+ (to.size() > 1 || d.getWeight() != null && d.getWeight() != 100 ? " " + (d.getWeight() == null ? 0 : d.getWeight()) + "%" : ""));
		}
		if (route.getMirror() != null) {
			out.add("mirror to " + route.getMirror().getHost()
					+ (route.getMirror().getSubset() == null ? "" : " " + route.getMirror().getSubset()));
		}
		return out.isEmpty() ? "nothing" : String.join(", ", out);
	}

}
