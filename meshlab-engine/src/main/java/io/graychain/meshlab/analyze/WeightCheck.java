package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/** The weights of a route with several destinations add up to 100. */
final class WeightCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			RouteVisitor.routes(vs, (route, field) -> {
				List<HTTPRouteDestination> destinations = route.getRoute() == null ? List.of() : route.getRoute();
				long sum = destinations.stream().mapToLong(d -> d.getWeight() == null ? 0 : d.getWeight()).sum();
				boolean lone = destinations.size() == 1 && (sum == 0 || sum == 100);
				if (!destinations.isEmpty() && !lone && sum != 100) {
					findings.add(RouteVisitor.finding(Finding.Code.WEIGHTS_NOT_100, vs, field + ".route",
							"weights add up to " + sum + ", not 100"));
				}
			});
		}
		return findings;
	}

}
