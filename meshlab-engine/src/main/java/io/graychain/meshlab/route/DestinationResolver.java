package io.graychain.meshlab.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.graychain.meshlab.mesh.DestinationRuleDef;
import io.graychain.meshlab.mesh.HostNames;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.ServiceDef;
import io.graychain.meshlab.mesh.Workload;

/**
 * Turns a route's destinations into workloads with exact shares: weights over the route, a subset's
 * labels (from the host's DestinationRule) over the Service's pods, pods shared round robin.
 */
public final class DestinationResolver {

	private final MeshConfig config;

	public DestinationResolver(MeshConfig config) {
		this.config = config;
	}

	/** The route's destinations; weights are read relative to their sum (one destination: 100). */
	List<WeightedDestination> resolve(List<HTTPRouteDestination> route, String ruleNamespace) {
		long total = route.stream().mapToLong(d -> weight(d, route.size())).sum();
		List<WeightedDestination> out = new ArrayList<>();
		for (HTTPRouteDestination d : route) {
			long weight = weight(d, route.size());
			if (weight > 0) {
				out.addAll(pods(d.getDestination(), ruleNamespace, Share.of(weight, total)));
			}
		}
		return out;
	}

	/** The pods of one destination host and subset, the whole share between them. */
	List<WeightedDestination> one(Destination destination, String ruleNamespace) {
		return pods(destination, ruleNamespace, Share.ALL);
	}

	/** Every pod of the Service, round robin: what a sidecar does when no VirtualService applies. */
	public List<WeightedDestination> allPods(ServiceDef service) {
		return spread(service.name(), "", config.workloadsOf(service), Share.ALL,
				trafficPolicy(HostNames.ruleHost(service.name(), service.namespace()), ""));
	}

	/**
	 * The traffic policy of a qualified host's cluster, or of one of its subsets ({@code subset}
	 * empty: the host's own). Istio merges the DestinationRules of one host: the first that sets a
	 * top-level {@code trafficPolicy} gives it, the first that defines a subset gives the subset's
	 * (istio/istio pilot/pkg/model/destination_rule.go mergeDestinationRule).
	 */
	public TrafficPolicy trafficPolicy(String qualifiedHost, String subset) {
		List<DestinationRuleDef> rules = config.destinationRules().stream().filter(d -> d.qualifiedHost().equals(qualifiedHost)).toList();
		var top = rules.stream().map(d -> d.spec().getTrafficPolicy()).filter(Objects::nonNull).findFirst().orElse(null);
		var own = subset.isEmpty() ? null : rules.stream().map(d -> d.subset(subset)).flatMap(Optional::stream).findFirst()
			.map(Subset::getTrafficPolicy).orElse(null);
		return TrafficPolicy.of(top, own);
	}

	/** The weight of one destination: as written, or 100 for a lone destination without one. */
	static long weight(HTTPRouteDestination destination, int destinations) {
		Integer weight = destination.getWeight();
		if (weight == null || weight == 0) {
			return destinations == 1 ? 100 : 0;
		}
		return weight;
	}

	private List<WeightedDestination> pods(Destination destination, String ruleNamespace, Share share) {
		String host = HostNames.ruleHost(destination.getHost(), ruleNamespace);
		String subset = destination.getSubset() == null ? "" : destination.getSubset();
		Optional<ServiceDef> service = config.service(host);
		if (service.isEmpty()) {
			return List.of(new WeightedDestination(destination.getHost(), subset, null, share));
		}
		List<Workload> workloads = config.workloadsOf(service.get());
		if (!subset.isEmpty()) {
			Optional<Map<String, String>> labels = config.subsetLabels(host, subset);
			workloads = labels.map(l -> config.workloadsOf(service.get()).stream().filter(w -> w.hasLabels(l)).toList())
				.orElse(List.of());
		}
		return spread(service.get().name(), subset, workloads, share, trafficPolicy(host, subset));
	}

	private static List<WeightedDestination> spread(String service, String subset, List<Workload> workloads, Share share,
			TrafficPolicy policy) {
		long pods = workloads.stream().mapToLong(Workload::replicas).sum();
		if (pods == 0) {
			return List.of(new WeightedDestination(service, subset, null, share, 503, policy));
		}
		return workloads.stream()
			.filter(w -> w.replicas() > 0)
			.map(w -> new WeightedDestination(service, subset, w, share.times(Share.of(w.replicas(), pods)), 503, policy))
			.toList();
	}

}
