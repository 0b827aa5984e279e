package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/** Two VirtualServices for one host in the mesh: sidecars use only one of them, so the other is silently ignored. */
final class HostConflictCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		Map<String, VirtualServiceDef> owners = new HashMap<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			if (vs.isDelegate() || !vs.boundToMesh()) {
				continue;
			}
			for (int i = 0; i < vs.hosts().size(); i++) {
				VirtualServiceDef owner = owners.putIfAbsent(vs.qualifiedHosts().get(i), vs);
				if (owner != null) {
					findings.add(RouteVisitor.finding(Finding.Code.CONFLICTING_VIRTUAL_SERVICES, vs, "spec.hosts[" + i + "]",
							"host '" + vs.hosts().get(i) + "' is also routed in the mesh by VirtualService " + owner.name()
									+ " (" + owner.file() + "); sidecars apply only one"));
				}
			}
		}
		return findings;
	}

}
