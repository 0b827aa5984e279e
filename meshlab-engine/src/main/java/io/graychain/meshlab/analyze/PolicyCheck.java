package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;

import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;
import io.graychain.meshlab.route.RoutePolicy;

/**
 * A route's fault, timeout, retries and mirrors must read as Istio's validation takes them: durations
 * such as {@code 2s} or {@code 500ms}, percentages from 0 to 100, an abort status from 200 to 599
 * (istio/istio pkg/config/validation/virtualservice.go validateHTTPFaultInjection, validateHTTPRetry,
 * validatePercentage).
 */
final class PolicyCheck implements Check {

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			RouteVisitor.routes(vs, (route, field) -> {
				try {
					RoutePolicy policy = RoutePolicy.of(route);
					List<String> wrong = new ArrayList<>();
					if (policy.delay() != null && outOfRange(policy.delay().percent())) {
						wrong.add("fault.delay.percentage " + policy.delay().percent() + " is not within 0 to 100");
					}
					if (policy.abort() != null && outOfRange(policy.abort().percent())) {
						wrong.add("fault.abort.percentage " + policy.abort().percent() + " is not within 0 to 100");
					}
					if (policy.abort() != null && (policy.abort().httpStatus() < 200 || policy.abort().httpStatus() > 599)) {
						wrong.add("fault.abort.httpStatus " + policy.abort().httpStatus() + " is not within 200 to 599");
					}
					policy.mirrors().stream().filter(m -> outOfRange(m.percent()))
						.forEach(m -> wrong.add("mirror percentage " + m.percent() + " is not within 0 to 100"));
					wrong.forEach(w -> findings.add(RouteVisitor.finding(Finding.Code.INVALID_POLICY, vs, field, w)));
				}
				catch (IllegalArgumentException bad) {
					findings.add(RouteVisitor.finding(Finding.Code.INVALID_POLICY, vs, field, bad.getMessage()));
				}
			});
		}
		return findings;
	}

	private static boolean outOfRange(double percent) {
		return percent < 0 || percent > 100;
	}

}
