package io.graychain.meshlab.lab.verify;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.lab.Args;
import io.graychain.meshlab.lab.client.LabClient;
import io.graychain.meshlab.lab.client.PodSender;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.lab.cluster.PodExec;
import io.graychain.meshlab.lab.cluster.ProbeCommand;
import io.graychain.meshlab.lab.pods.PodPlan;
import io.graychain.meshlab.scenario.Scenario;

/**
 * {@code verify <scenario>}: the scenario's {@code expect.yaml} checked against a running lab
 * ({@code --lab .lab}: ingress, sidecars and lanes from the lab) or a URL ({@code --url}: the
 * ingress gateway of a cluster). With {@code --url} alone, in-mesh entries are reported as not
 * checkable; with {@code --cluster} too, they are sent from their workload's pod in
 * {@code --namespace} (default graychain) with kubectl exec ({@link PodExec}), a line on stderr after
 * each batch. Exit 0 when it holds.
 */
public final class VerifyCommand {

	public static final String[] SWITCHES = { "cluster" };

	private VerifyCommand() {
	}

	public static int run(Args args, PrintStream out) {
		if (args.positional().size() != 1) {
			throw new IllegalArgumentException("usage: verify <scenario> [--url URL [--cluster [--namespace NS]] | --lab DIR]"
					+ " [--samples N] [--repeat N] [--alpha P] [--concurrency N] [--lanes a,b] [--repo DIR] [--overlay DIR]");
		}
		Path repo = Path.of(args.get("repo", ".")).toAbsolutePath().normalize();
		Scenario scenario = scenario(repo, args.positional().get(0));
		Duration timeout = Duration.ofSeconds(args.getInt("timeout", 10));
		Sender sender;
		Set<String> lanes;
		if (args.has("cluster") && !args.has("url")) {
			throw new IllegalArgumentException("verify --cluster needs the ingress gateway's --url");
		}
		if (args.has("url")) {
			PodSender pods = args.has("cluster")
					? PodExec.find(System.getenv(), args.get("namespace", ProbeCommand.DEFAULT_NAMESPACE), timeout,
							line -> System.err.println("  " + line))
					: PodSender.NONE;
			sender = new Sender(URI.create(args.get("url", "")), Map.of(), timeout, pods);
			lanes = args.has("lanes") ? LabClient.lanes(args.get("lanes", "")) : overlayLanes(repo.resolve(args.get("overlay", "k8s/overlays/v2")));
		}
		else {
			LabClient lab = new LabClient(repo.resolve(args.get("lab", ".lab")));
			sender = new Sender(URI.create(lab.ingressUrl()), lab.sidecars(), timeout);
			lanes = args.has("lanes") ? LabClient.lanes(args.get("lanes", "")) : lab.lanes();
		}
		LiveVerifier.Settings settings = new LiveVerifier.Settings(args.getInt("samples", LiveVerifier.Settings.DEFAULT.samples()),
				args.getInt("repeat", LiveVerifier.Settings.DEFAULT.repeats()),
				Double.parseDouble(args.get("alpha", String.valueOf(LiveVerifier.Settings.DEFAULT.alpha()))),
				args.getInt("concurrency", LiveVerifier.Settings.DEFAULT.concurrency()));
		out.println(scenario.name() + ": " + scenario.expectation().goal());
		LiveReport report = new LiveVerifier(sender, lanes, settings).verify(scenario.name(), scenario.expectation());
		out.print(report.text());
		return report.passed() ? 0 : 1;
	}

	/** A scenario by name ({@code istio/scenarios/<name>}) or by folder. */
	static Scenario scenario(Path repo, String nameOrDir) {
		Path dir = nameOrDir.contains("/") ? Path.of(nameOrDir).toAbsolutePath().normalize()
				: repo.resolve("istio/scenarios").resolve(nameOrDir);
		if (!Files.isRegularFile(dir.resolve("expect.yaml"))) {
			throw new IllegalArgumentException("no scenario with an expect.yaml at " + dir);
		}
		return new Scenario(dir.getFileName().toString(), dir);
	}

	/** The services with more than one version in an overlay, rendered as the lab renders it. */
	static Set<String> overlayLanes(Path overlay) {
		return PodPlan.lanes(PodPlan.of(new Kustomizer().render(overlay)));
	}

}
