package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;

import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * What the route engine does not follow, named instead of approximated: {@code exportTo} (the
 * engine sees every rule everywhere), {@code redirect} and {@code directResponse} routes, and
 * {@code tcp}/{@code tls} routes (the lab carries HTTP only).
 */
final class NotFollowedCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			List<String> exportTo = vs.spec().getExportTo();
			if (exportTo != null && !exportTo.isEmpty() && !exportTo.equals(List.of("*"))) {
				findings.add(notFollowed(vs, "spec.exportTo", "exportTo " + exportTo + ": the engine makes every rule visible everywhere"));
			}
			if (vs.spec().getTcp() != null && !vs.spec().getTcp().isEmpty()) {
				findings.add(notFollowed(vs, "spec.tcp", "tcp routes: the engine routes HTTP only"));
			}
			if (vs.spec().getTls() != null && !vs.spec().getTls().isEmpty()) {
				findings.add(notFollowed(vs, "spec.tls", "tls routes: the engine routes HTTP only"));
			}
			RouteVisitor.routes(vs, (route, field) -> {
				if (route.getRedirect() != null) {
					findings.add(notFollowed(vs, field + ".redirect", "redirect: the engine does not answer redirects"));
				}
				if (route.getDirectResponse() != null) {
					findings.add(notFollowed(vs, field + ".directResponse", "directResponse: the engine does not answer directly"));
				}
			});
		}
		return findings;
	}

	private static Finding notFollowed(VirtualServiceDef vs, String field, String message) {
		return RouteVisitor.finding(Finding.Code.NOT_FOLLOWED, vs, field, "not followed by graychain's route engine: " + message);
	}

}
