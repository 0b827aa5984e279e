package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;

import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.mesh.ReadProblem;

/**
 * Reports configuration mistakes, each with file and field, like {@code istioctl analyze}: unknown
 * fields, unresolvable subsets and hosts, weights, unreachable routes, misplaced {@code sourceLabels},
 * invalid regexes, upper-case header names, broken delegates, conflicting rules.
 */
public final class Analyzer {

	private static final List<Check> CHECKS = List.of(new DestinationCheck(), new WeightCheck(), new RouteOrderCheck(),
			new MatchCheck(), new DelegateCheck(), new HostConflictCheck(), new CookieMatchCheck(), new WildcardHostCheck(), new ShadowedRouteCheck(), new NotFollowedCheck(), new PolicyCheck(),
			new GatewayApiCheck(), new TrafficPolicyCheck());

	private Analyzer() {
	}

	/** Every mistake in a configuration. */
	public static List<Finding> analyze(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		CHECKS.forEach(check -> findings.addAll(check.check(config)));
		return findings;
	}

	/** The findings that are errors: what makes a configuration refused. */
	public static List<Finding> errors(MeshConfig config) {
		return analyze(config).stream().filter(Finding::isError).toList();
	}

	/** Every mistake in what a loader read: what it could not read, then the analysis of the rest. */
	public static List<Finding> analyze(MeshLoader loader, String defaultNamespace) {
		List<Finding> findings = new ArrayList<>(loader.problems().stream().map(Analyzer::unreadable).toList());
		findings.addAll(analyze(new MeshConfig(defaultNamespace, loader.resources())));
		return findings;
	}

	private static Finding unreadable(ReadProblem problem) {
		return new Finding(Finding.Code.UNKNOWN_FIELD, problem.file(), "", problem.field(), problem.message());
	}

}
