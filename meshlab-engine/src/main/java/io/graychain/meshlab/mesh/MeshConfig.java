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
 * @param created for each resource, the {@code kubectl apply} that created it (0 for the first):
 *        Istio orders VirtualServices by creation time, then name, then namespace
 *        (istio/istio pilot/pkg/model/config.go configCompareByCreationTime)
 */
public record MeshConfig(String defaultNamespace, List<Resource> resources, List<Integer> created) {

	public MeshConfig {
		resources = List.copyOf(resources);
		created = created == null || created.size() != resources.size()
				? java.util.Collections.nCopies(resources.size(), 0) : List.copyOf(created);
	}

	/** Resources that were all created by one apply. */
	public MeshConfig(String defaultNamespace, List<Resource> resources) {
		this(defaultNamespace, resources, null);
	}

	/**
	 * This configuration with {@code changes} applied as {@code kubectl apply} would: a resource
	 * with the kind, namespace and name of an existing one replaces it, others are added.
	 */
	public MeshConfig apply(List<Resource> changes) {
		List<Resource> merged = new ArrayList<>(resources);
		List<Integer> times = new ArrayList<>(created);
		int now = created.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
		for (Resource change : changes) {
			int existing = -1;
			for (int i = 0; i < merged.size() && existing < 0; i++) {
				existing = merged.get(i).sameObject(change, defaultNamespace) ? i : -1;
			}
			if (existing >= 0) {
				// an update keeps the object's creation time, as the API server does
				merged.set(existing, change);
			}
			else {
				merged.add(change);
				times.add(now);
			}
		}
		return new MeshConfig(defaultNamespace, merged, times);
	}

	/** This configuration without the resources {@code drop} selects, as {@code kubectl delete} would. */
	public MeshConfig without(java.util.function.Predicate<Resource> drop) {
		List<Resource> kept = new ArrayList<>();
		List<Integer> times = new ArrayList<>();
		for (int i = 0; i < resources.size(); i++) {
			if (!drop.test(resources.get(i))) {
				kept.add(resources.get(i));
				times.add(created.get(i));
			}
		}
		return new MeshConfig(defaultNamespace, kept, times);
	}

	/**
	 * The VirtualServices in the order Istio reads them: oldest first, then by name, then by
	 * namespace (istio/istio pilot/pkg/model/virtualservice_controller.go
	 * sortMergedVirtualServicesByCreationTime).
	 */
	public List<VirtualServiceDef> virtualServicesByCreation() {
		return byCreation(IstioKinds::virtualService, VirtualServiceDef::name, VirtualServiceDef::namespace);
	}

	/**
	 * The HTTPRoutes oldest first, then by {@code namespace/name}: the order the Gateway API
	 * specification breaks precedence ties in (HTTPRouteRule: "the oldest Route based on creation
	 * timestamp", then "alphabetical order (namespace/name)").
	 */
	public List<HttpRouteDef> httpRoutesByCreation() {
		return byCreation(IstioKinds::httpRoute, r -> r.namespace() + "/" + r.name(), r -> "");
	}

	/** The Gateway API Gateways ({@code gateway.networking.k8s.io}). */
	public List<KubeGatewayDef> kubeGateways() {
		return collect(IstioKinds::kubeGateway);
	}

	private <T> List<T> byCreation(BiFunction<Resource, String, Optional<T>> convert, java.util.function.Function<T, String> first,
			java.util.function.Function<T, String> second) {
		List<T> out = new ArrayList<>();
		List<Integer> times = new ArrayList<>();
		for (int i = 0; i < resources.size(); i++) {
			int time = created.get(i);
			convert.apply(resources.get(i), defaultNamespace).ifPresent(o -> {
				out.add(o);
				times.add(time);
			});
		}
		List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, out.size()).boxed().toList());
		order.sort(java.util.Comparator.<Integer>comparingInt(times::get)
			.thenComparing(i -> first.apply(out.get(i)))
			.thenComparing(i -> second.apply(out.get(i))));
		return order.stream().map(out::get).toList();
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
