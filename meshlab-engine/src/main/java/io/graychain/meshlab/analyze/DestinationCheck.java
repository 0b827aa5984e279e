package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.graychain.meshlab.mesh.DestinationRuleDef;
import io.graychain.meshlab.mesh.HostNames;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.ServiceDef;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/** Every route destination names a Service, and a subset its DestinationRule defines and whose labels select a pod. */
final class DestinationCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			RouteVisitor.routes(vs, (route, field) -> {
				List<HTTPRouteDestination> destinations = route.getRoute() == null ? List.of() : route.getRoute();
				for (int j = 0; j < destinations.size(); j++) {
					Destination d = destinations.get(j).getDestination();
					String where = field + ".route[" + j + "].destination";
					if (d != null && d.getHost() != null) {
						check(config, vs, d, where).ifPresent(findings::add);
					}
				}
			});
		}
		for (DestinationRuleDef dr : config.destinationRules()) {
			if (config.service(dr.qualifiedHost()).isEmpty()) {
				findings.add(new Finding(Finding.Code.HOST_NOT_A_SERVICE, dr.file(), "DestinationRule " + dr.name(), "spec.host",
						"host '" + dr.spec().getHost() + "' is not a Service"));
			}
		}
		return findings;
	}

	private static Optional<Finding> check(MeshConfig config, VirtualServiceDef vs, Destination d, String where) {
		String host = HostNames.ruleHost(d.getHost(), vs.namespace());
		Optional<ServiceDef> service = config.service(host);
		if (service.isEmpty()) {
			return Optional.of(RouteVisitor.finding(Finding.Code.HOST_NOT_A_SERVICE, vs, where + ".host",
					"host '" + d.getHost() + "' is not a Service"));
		}
		if (d.getSubset() == null || d.getSubset().isEmpty()) {
			return Optional.empty();
		}
		Optional<Map<String, String>> labels = config.subsetLabels(host, d.getSubset());
		if (labels.isEmpty()) {
			return Optional.of(RouteVisitor.finding(Finding.Code.UNKNOWN_SUBSET, vs, where + ".subset",
					"subset '" + d.getSubset() + "' is not defined by a DestinationRule for host '" + d.getHost() + "'"));
		}
		boolean selectsPod = config.workloadsOf(service.get()).stream()
			.anyMatch(w -> w.replicas() > 0 && w.hasLabels(labels.get()));
		return selectsPod ? Optional.empty() : Optional.of(RouteVisitor.finding(Finding.Code.SUBSET_SELECTS_NO_POD, vs,
				where + ".subset", "subset '" + d.getSubset() + "' of '" + d.getHost() + "' (labels " + labels.get()
						+ ") selects no pod"));
	}

}
