package io.graychain.meshlab.mesh;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Turns typed resources of every supported API version into the engine's records. */
final class IstioKinds {

	private IstioKinds() {
	}

	static Optional<VirtualServiceDef> virtualService(Resource r, String ns) {
		HasMetadata o = r.object();
		if (o instanceof io.fabric8.istio.api.networking.v1.VirtualService vs) {
			return Optional.of(new VirtualServiceDef(r.name(), r.namespace(ns), vs.getSpec(), r.file()));
		}
		if (o instanceof io.fabric8.istio.api.networking.v1beta1.VirtualService vs) {
			return Optional.of(new VirtualServiceDef(r.name(), r.namespace(ns), vs.getSpec(), r.file()));
		}
		if (o instanceof io.fabric8.istio.api.networking.v1alpha3.VirtualService vs) {
			return Optional.of(new VirtualServiceDef(r.name(), r.namespace(ns), vs.getSpec(), r.file()));
		}
		return Optional.empty();
	}

	static Optional<DestinationRuleDef> destinationRule(Resource r, String ns) {
		HasMetadata o = r.object();
		if (o instanceof io.fabric8.istio.api.networking.v1.DestinationRule dr) {
			return Optional.of(new DestinationRuleDef(r.name(), r.namespace(ns), dr.getSpec(), r.file()));
		}
		if (o instanceof io.fabric8.istio.api.networking.v1beta1.DestinationRule dr) {
			return Optional.of(new DestinationRuleDef(r.name(), r.namespace(ns), dr.getSpec(), r.file()));
		}
		if (o instanceof io.fabric8.istio.api.networking.v1alpha3.DestinationRule dr) {
			return Optional.of(new DestinationRuleDef(r.name(), r.namespace(ns), dr.getSpec(), r.file()));
		}
		return Optional.empty();
	}

	static Optional<GatewayDef> gateway(Resource r, String ns) {
		HasMetadata o = r.object();
		if (o instanceof io.fabric8.istio.api.networking.v1.Gateway gw) {
			return Optional.of(new GatewayDef(r.name(), r.namespace(ns), gw.getSpec(), r.file()));
		}
		if (o instanceof io.fabric8.istio.api.networking.v1beta1.Gateway gw) {
			return Optional.of(new GatewayDef(r.name(), r.namespace(ns), gw.getSpec(), r.file()));
		}
		if (o instanceof io.fabric8.istio.api.networking.v1alpha3.Gateway gw) {
			return Optional.of(new GatewayDef(r.name(), r.namespace(ns), gw.getSpec(), r.file()));
		}
		return Optional.empty();
	}

	static Optional<HttpRouteDef> httpRoute(Resource r, String ns) {
		if (r.object() instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute route && route.getSpec() != null) {
			return Optional.of(new HttpRouteDef(r.name(), r.namespace(ns), route.getSpec(), r.file()));
		}
		return Optional.empty();
	}

	static Optional<KubeGatewayDef> kubeGateway(Resource r, String ns) {
		if (r.object() instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway gw && gw.getSpec() != null) {
			return Optional.of(new KubeGatewayDef(r.name(), r.namespace(ns), gw.getSpec(), r.file()));
		}
		return Optional.empty();
	}

	static Optional<ServiceDef> service(Resource r, String ns) {
		if (r.object() instanceof Service s && s.getSpec() != null) {
			List<Integer> ports = s.getSpec().getPorts() == null ? List.of()
					: s.getSpec().getPorts().stream().map(p -> p.getPort()).filter(java.util.Objects::nonNull).toList();
			return Optional.of(new ServiceDef(r.name(), r.namespace(ns), s.getSpec().getSelector(), r.file(), ports));
		}
		return Optional.empty();
	}

	static Optional<Workload> workload(Resource r, String ns) {
		if (r.object() instanceof Deployment d && d.getSpec() != null && d.getSpec().getTemplate() != null) {
			Integer replicas = d.getSpec().getReplicas();
			var labels = d.getSpec().getTemplate().getMetadata() == null ? null
					: d.getSpec().getTemplate().getMetadata().getLabels();
			return Optional.of(new Workload(r.name(), r.namespace(ns), labels, replicas == null ? 1 : replicas, r.file()));
		}
		return Optional.empty();
	}

}
