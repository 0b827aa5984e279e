package io.graychain.meshlab.analyze;

import java.util.List;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/** Walks every {@code http} route of a VirtualService with its field path. */
final class RouteVisitor {

	private RouteVisitor() {
	}

	/** Receives one route. */
	interface OnRoute {

		void accept(HTTPRoute route, String field);

	}

	/** Receives one match entry. */
	interface OnMatch {

		void accept(HTTPMatchRequest match, String field);

	}

	static void routes(VirtualServiceDef vs, OnRoute onRoute) {
		List<HTTPRoute> http = vs.http();
		for (int i = 0; i < http.size(); i++) {
			onRoute.accept(http.get(i), "spec.http[" + i + "]");
		}
	}

	static void matches(VirtualServiceDef vs, OnMatch onMatch) {
		routes(vs, (route, field) -> {
			List<HTTPMatchRequest> matches = route.getMatch() == null ? List.of() : route.getMatch();
			for (int j = 0; j < matches.size(); j++) {
				onMatch.accept(matches.get(j), field + ".match[" + j + "]");
			}
		});
	}

	static Finding finding(Finding.Code code, VirtualServiceDef vs, String field, String message) {
		return new Finding(code, vs.file(), "VirtualService " + vs.name(), field, message);
	}

}
