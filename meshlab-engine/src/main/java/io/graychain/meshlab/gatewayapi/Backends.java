package io.graychain.meshlab.gatewayapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.ServiceDef;
import io.graychain.meshlab.route.DestinationResolver;
import io.graychain.meshlab.route.Share;
import io.graychain.meshlab.route.WeightedDestination;

/**
 * A rule's backendRefs as weighted destinations (kubernetes-sigs/gateway-api apis/v1/httproute_types.go
 * HTTPBackendRef, HTTPRouteRule.BackendRefs): each gets {@code weight / sum of weights} (weight
 * defaults to 1; 0 sends nothing); a backendRef that names no Service of the route's namespace (or
 * another kind, or another namespace: ReferenceGrant is not followed) is invalid, and the requests it
 * would get receive 500. A valid Service's share is spread over its pods round robin.
 */
final class Backends {

	private final MeshConfig config;

	private final DestinationResolver pods;

	Backends(MeshConfig config) {
		this.config = config;
		this.pods = new DestinationResolver(config);
	}

	/** The destinations; empty when no request can reach a valid backend (the rule answers 500). */
	List<WeightedDestination> resolve(List<HTTPBackendRef> refs, String routeNamespace) {
		long total = refs.stream().mapToLong(Backends::weight).sum();
		List<WeightedDestination> out = new ArrayList<>();
		if (total == 0) {
			return out;
		}
		for (HTTPBackendRef ref : refs) {
			long weight = weight(ref);
			if (weight == 0) {
				continue;
			}
			Share share = Share.of(weight, total);
			Optional<ServiceDef> service = service(ref, routeNamespace);
			if (service.isEmpty()) {
				out.add(new WeightedDestination(ref.getName(), "", null, share, 500));
				continue;
			}
			// the Service's own cluster, with its DestinationRule's traffic policy, as for a VirtualService without subset
			pods.allPods(service.get()).forEach(d -> out.add(new WeightedDestination(d.service(), "", d.workload(),
					share.times(d.share()), 503, d.trafficPolicy())));
		}
		return out.stream().anyMatch(d -> d.failStatus() != 500) ? out : List.of();
	}

	/** Why a backendRef is invalid, or empty when it names a Service the engine knows. */
	Optional<String> invalid(HTTPBackendRef ref, String routeNamespace) {
		return invalid(new BackendObjectReference(ref.getGroup(), ref.getKind(), ref.getName(), ref.getNamespace(), ref.getPort()),
				routeNamespace);
	}

	/** Why a backend reference (a backendRef's, or a RequestMirror's) is invalid, or empty when it names a known Service. */
	Optional<String> invalid(BackendObjectReference ref, String routeNamespace) {
		String kind = ref.getKind() == null ? "Service" : ref.getKind();
		String group = ref.getGroup() == null ? "" : ref.getGroup();
		if (!kind.equals("Service") || !(group.isEmpty() || group.equals("core"))) {
			return Optional.of("backendRef " + ref.getName() + ": kind " + kind + " is not supported (InvalidKind)");
		}
		String namespace = ref.getNamespace() == null ? routeNamespace : ref.getNamespace();
		if (!namespace.equals(routeNamespace)) {
			return Optional.of("backendRef " + namespace + "/" + ref.getName() + ": another namespace needs a ReferenceGrant, "
					+ "which the engine does not follow");
		}
		if (ref.getPort() == null) {
			return Optional.of("backendRef " + ref.getName() + ": a Service backendRef needs a port");
		}
		if (config.services().stream().noneMatch(s -> s.name().equals(ref.getName()) && s.namespace().equals(namespace))) {
			return Optional.of("backendRef " + ref.getName() + ": no Service " + namespace + "/" + ref.getName()
					+ " (BackendNotFound)");
		}
		return Optional.empty();
	}

	private Optional<ServiceDef> service(HTTPBackendRef ref, String routeNamespace) {
		if (invalid(ref, routeNamespace).isPresent()) {
			return Optional.empty();
		}
		return config.services().stream().filter(s -> s.name().equals(ref.getName()) && s.namespace().equals(routeNamespace))
			.findFirst();
	}

	static long weight(HTTPBackendRef ref) {
		return ref.getWeight() == null ? 1 : Math.max(0, ref.getWeight());
	}

}
