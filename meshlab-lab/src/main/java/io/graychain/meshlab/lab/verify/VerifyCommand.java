package io.graychain.meshlab.lab.verify;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.lab.client.PodSender;
import io.graychain.meshlab.lab.client.TargetOptions;
import io.graychain.meshlab.lab.cluster.PodExec;
import io.graychain.meshlab.lab.pods.PodPlan;
import io.graychain.meshlab.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code verify <scenario>}: the scenario's {@code expect.yaml} checked against a running lab
 * (ingress, sidecars and lanes from the lab) or a URL (the ingress gateway of a cluster). With
 * {@code --url} alone, in-mesh entries are reported as not checkable; with {@code --cluster}, the
 * gateway (unless {@code --url} gives it) and the lanes are found with kubectl, and in-mesh entries
 * are sent from their workload's pod with kubectl exec ({@link PodExec}), a line on stderr after each
 * batch. Exit 0 when it holds, 1 when not, 2 on bad input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Check istio/scenarios/<scenario>/expect.yaml (or <folder>/expect.yaml) against running services:"
				+ " the local lab (default), a URL, or a cluster's Istio ingress gateway. Requests that enter at a workload"
				+ " inside the mesh (entry: product-v1, ...) go through that workload's sidecar in the lab; with --cluster"
				+ " they are sent from inside that workload's pod (kubectl exec runs a small probe in its app container;"
				+ " this needs the right to exec into pods of the namespace). Against a URL alone they are not checkable"
				+ " from outside (SKIP). Exit 0 when the scenario holds, 1 when not." },
		footer = { "%nExamples:", "  scripts/lab apply product-50-50 && scripts/verify product-50-50",
				"  scripts/verify --cluster weather-tester-cookie",
				"  scripts/verify --cluster --url http://localhost:8080 appa-delegate-10-90",
				"  scripts/verify --url http://localhost:8080 --samples 2000 appa-delegate-10-90" })
public final class VerifyCommand implements Callable<Integer> {

	@Parameters(paramLabel = "SCENARIO", description = "a scenario's name (scripts/scenario list shows them) or its folder")
	String scenarioName;

	@Option(names = "--samples", paramLabel = "N", defaultValue = "${env:GRAYCHAIN_SAMPLES:-1000}",
			description = "requests per weighted request [GRAYCHAIN_SAMPLES, default: ${DEFAULT-VALUE}]")
	int samples;

	@Option(names = "--repeat", paramLabel = "N", defaultValue = "${env:GRAYCHAIN_REPEAT:-20}",
			description = "requests per request with one expected chain [GRAYCHAIN_REPEAT, default: ${DEFAULT-VALUE}]")
	int repeat;

	@Option(names = "--alpha", paramLabel = "P", defaultValue = "${env:GRAYCHAIN_ALPHA:-0.001}",
			description = "the largest chance that a correct scenario fails a run [GRAYCHAIN_ALPHA, default: ${DEFAULT-VALUE}: less than once in 1,000 runs]")
	double alpha;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "${env:GRAYCHAIN_CONCURRENCY:-4}",
			description = "requests in flight at once (from a pod on a cluster: one probe at a time) [GRAYCHAIN_CONCURRENCY, default: ${DEFAULT-VALUE}]")
	int concurrency;

	@Option(names = "--overlay", paramLabel = "DIR", defaultValue = "${env:GRAYCHAIN_OVERLAY:-k8s/overlays/v2}",
			description = "the overlay whose lanes a URL serves, relative to --repo [GRAYCHAIN_OVERLAY, default: ${DEFAULT-VALUE}]")
	String overlay;

	@Mixin
	TargetOptions targetOptions;

	/** Why {@code seenBy} is checked in the lab only. */
	static final String SEEN_BY_REFUSED = "seenBy is checked in the lab only: with --cluster or --url the versions' own"
			+ " /actuator/prometheus is not read (on a cluster, Prometheus' http_server_requests_seconds_count by app and"
			+ " version shows it: see the scenario's README)";

	@Override
	public Integer call() {
		PrintStream out = System.out;
		Path repo = targetOptions.location().repo();
		Scenario scenario = scenario(repo, scenarioName);
		PodSender pods = targetOptions.cluster() ? PodExec.find(System.getenv(), targetOptions.clusterOptions().namespace(),
				targetOptions.timeout(), line -> System.err.println("  " + line)) : PodSender.NONE;
		TargetOptions.Target target = targetOptions.target(pods, () -> overlayLanes(repo.resolve(overlay)));
		LiveVerifier.Settings settings = new LiveVerifier.Settings(samples, repeat, alpha, concurrency);
		out.println(scenario.name() + ": " + scenario.expectation().goal());
		scenario.expectation().environment().forEach((deployment, env) -> out.println("  expects " + deployment + " with "
				+ env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))
				+ " (scripts/lab set-env, kubectl set env; see the scenario's README)"));
		LiveVerifier verifier = targetOptions.lab()
				? new LiveVerifier(target.sender(), target.lanes(), settings,
						new PodMetrics(targetOptions.location().client()::pods, targetOptions.timeout()), null)
				: new LiveVerifier(target.sender(), target.lanes(), settings, null, SEEN_BY_REFUSED);
		LiveReport report = verifier.verify(scenario.name(), scenario.expectation());
		out.print(report.text());
		return report.passed() ? 0 : 1;
	}

	/** A scenario by name ({@code istio/scenarios/<name>}) or by folder. */
	static Scenario scenario(Path repo, String nameOrDir) {
		Path dir = nameOrDir.contains("/") ? Path.of(nameOrDir).toAbsolutePath().normalize()
				: repo.resolve("istio/scenarios").resolve(nameOrDir);
		if (!Files.isRegularFile(dir.resolve("expect.yaml"))) {
			throw new IllegalArgumentException("no scenario with an expect.yaml at " + dir + " (scripts/scenario list shows them)");
		}
		return new Scenario(dir.getFileName().toString(), dir);
	}

	/** The services with more than one version in an overlay, rendered as the lab renders it. */
	static Set<String> overlayLanes(Path overlay) {
		return PodPlan.lanes(PodPlan.of(new Kustomizer().render(overlay)));
	}

}
