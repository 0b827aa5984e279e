package io.graychain.meshlab.route;

import java.util.Map;

import io.graychain.meshlab.mesh.GatewayDef;
import io.graychain.meshlab.mesh.KubeGatewayDef;
import io.graychain.meshlab.mesh.Workload;

/** Where a request enters the mesh: at an ingress gateway, or from a workload's sidecar. */
public sealed interface Source {

	/** The labels of the sending pod, matched by {@code sourceLabels}. */
	Map<String, String> labels();

	/** The namespace of the sending pod, matched by {@code sourceNamespace}. */
	String namespace();

	static Source gateway(GatewayDef gateway) {
		return new AtGateway(gateway);
	}

	/** A request to the Gateway's {@linkplain KubeGatewayDef#servedPort() served port}: the one the lab serves. */
	static Source kubeGateway(KubeGatewayDef gateway) {
		return new AtKubeGateway(gateway, gateway.servedPort());
	}

	/** A request arriving on one port of the Gateway: only the listeners on that port take it. */
	static Source kubeGateway(KubeGatewayDef gateway, int port) {
		return new AtKubeGateway(gateway, port);
	}

	static Source workload(Workload workload) {
		return new FromWorkload(workload);
	}

	/** A request received by an ingress gateway. */
	record AtGateway(GatewayDef gateway) implements Source {

		@Override
		public Map<String, String> labels() {
			return gateway.podLabels();
		}

		@Override
		public String namespace() {
			return gateway.namespace();
		}

		@Override
		public String toString() {
			return "gateway " + gateway.name();
		}

	}

	/**
	 * A request received by the gateway Istio deploys for a Gateway API Gateway; its pods carry the
	 * label {@code gateway.networking.k8s.io/gateway-name} (istio/istio pilot/pkg/config/kube/gateway
	 * deployment templates). Istio's gateway listens on each listener's port; a request arriving on
	 * {@code port} is routed by the routes attached to the listeners on that port only.
	 */
	record AtKubeGateway(KubeGatewayDef gateway, int port) implements Source {

		@Override
		public Map<String, String> labels() {
			return Map.of("gateway.networking.k8s.io/gateway-name", gateway.name());
		}

		@Override
		public String namespace() {
			return gateway.namespace();
		}

		@Override
		public String toString() {
			return "gateway " + gateway.name() + (port == gateway.servedPort() ? "" : " port " + port);
		}

	}

	/** A request sent by a workload in the mesh, through its sidecar. */
	record FromWorkload(Workload workload) implements Source {

		@Override
		public Map<String, String> labels() {
			return workload.labels();
		}

		@Override
		public String namespace() {
			return workload.namespace();
		}

		@Override
		public String toString() {
			return workload.name();
		}

	}

}
