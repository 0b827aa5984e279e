package io.graychain.meshlab.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Everything the route engine knows: Services, workloads and the Istio rules in force.
 *
 * @param defaultNamespace the namespace of resources whose YAML names none
 * @param resources every resource, later ones replacing earlier ones with the same kind and name
 */
public record MeshConfig(String defaultNamespace, List<Resource> resources) {

	public MeshConfig {
		resources = List.copyOf(resources);
	}

	/**
	 * This configuration with {@code changes} applied as {@code kubectl apply} would: a resource
	 * with the kind, namespace and name of an existing one replaces it, others are added.
	 */
	public MeshConfig apply(List<Resource> changes) {
		List<Resource> merged = new ArrayList<>(resources);
		for (Resource change : changes) {
			merged.removeIf(r -> r.sameObject(change, defaultNamespace));
			merged.add(change);
		}
		return new MeshConfig(defaultNamespace, merged);
	}

	public List<ServiceDef> services() {
		return collect(IstioKinds::service);
	}

	public List<Workload> workloads() {
		return collect(IstioKinds::workload);
	}

	public List<GatewayDef> gateways() {
		return collect(IstioKinds::gateway);
	}

	public List<VirtualServiceDef> virtualServices() {
		return collect(IstioKinds::virtualService);
	}

	public List<DestinationRuleDef> destinationRules() {
		return collect(IstioKinds::destinationRule);
	}

	/** The Service a qualified host names, if any. */
	public Optional<ServiceDef> service(String qualifiedHost) {
		return services().stream().filter(s -> s.fqdn().equals(qualifiedHost)).findFirst();
	}

	/** The workload with this Deployment name, if any. */
	public Optional<Workload> workload(String name) {
		return workloads().stream().filter(w -> w.name().equals(name)).findFirst();
	}

	/** The workloads whose pods a Service selects. */
	public List<Workload> workloadsOf(ServiceDef service) {
		return workloads().stream().filter(service::selects).toList();
	}

	/**
	 * The labels of a subset of a qualified host. Istio merges the subsets of all DestinationRules
	 * for one host; the first definition of a name wins.
	 */
	public Optional<java.util.Map<String, String>> subsetLabels(String qualifiedHost, String subset) {
		return destinationRules().stream()
			.filter(d -> d.qualifiedHost().equals(qualifiedHost))
			.map(d -> d.subsetLabels(subset))
			.flatMap(Optional::stream)
			.findFirst();
	}

	private <T> List<T> collect(BiFunction<Resource, String, Optional<T>> convert) {
		return resources.stream().map(r -> convert.apply(r, defaultNamespace)).flatMap(Optional::stream).toList();
	}

}
