package io.graychain.meshlab.mesh;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes Service: the host name the mesh routes on.
 *
 * @param name the Service name
 * @param namespace its namespace
 * @param selector the pod labels it selects
 * @param file where it was read
 * @param ports the Service's ports, in order
 */
public record ServiceDef(String name, String namespace, Map<String, String> selector, String file, List<Integer> ports) {

	public ServiceDef {
		selector = Map.copyOf(selector == null ? Map.of() : selector);
		ports = List.copyOf(ports == null ? List.of() : ports);
	}

	public ServiceDef(String name, String namespace, Map<String, String> selector, String file) {
		this(name, namespace, selector, file, List.of());
	}

	/** The cluster-local FQDN, e.g. {@code appa.graychain.svc.cluster.local}. */
	public String fqdn() {
		return HostNames.fqdn(name, namespace);
	}

	/** True when this Service selects the workload's pods. */
	public boolean selects(Workload workload) {
		return !selector.isEmpty() && workload.namespace().equals(namespace) && workload.hasLabels(selector);
	}

}
