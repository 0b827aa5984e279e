package io.graychain.meshlab.lab.control;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graychain.meshlab.cli.Meshlab;
import io.graychain.meshlab.cli.NeedsCommand;
import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.kustomize.ManifestReader;
import io.graychain.meshlab.kustomize.RenderCommand;
import io.graychain.meshlab.lab.client.LabClient;
import io.graychain.meshlab.lab.client.LabLocation;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.RulesSource;
import io.graychain.meshlab.lab.cluster.ClusterOptions;
import io.graychain.meshlab.lab.daemon.LabRunOptions;
import io.graychain.meshlab.lab.observe.AccessLogs;
import io.graychain.meshlab.lab.pods.JarLocator;
import io.graychain.meshlab.lab.pods.PodPlan;
import io.graychain.meshlab.lab.proxy.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab up|down|apply|reset|status|logs|render|cluster-url|cluster-lanes}: the local lab from the
 * outside, what {@code scripts/lab} runs. {@code up} starts {@code meshlab daemon} as a background
 * process of its own (its own session where there is {@code setsid}: a Ctrl-C in the terminal later
 * does not stop it) and waits for its verdict; the others talk to its admin endpoint or its files.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, sortOptions = false,
		description = "The local lab: every workload of a k8s/ overlay as a local process, one sidecar per workload and an ingress"
				+ " gateway, all routing by the istio/ rules through graychain's route engine. Options go before the command.",
		subcommands = RenderCommand.class,
		footer = { "%nExamples:", "  scripts/lab up", "  scripts/lab apply product-50-50",
				"  scripts/curl-loop --host product.graychain.local --path /product -n 200", "  scripts/verify product-50-50",
				"  scripts/lab down" })
public final class LabCommand extends NeedsCommand {

	@Mixin
	LabLocation location;

	@Mixin
	LabRunOptions run;

	/**
	 * The daemon's JVM (gateway, sidecars, admin, dashboard): a bounded heap that starts small, and the
	 * serial collector. Without -Xms the JVM starts with 1/64 of the machine's memory (the whole 160 MiB
	 * on a 24 GiB machine), and the young generation sized from it keeps about 30 MiB more resident
	 * (issue 15: docs/measurements.md). Heap given back after each collection (Min/MaxHeapFreeRatio)
	 * was tried and refused: under load the daemon then ran 16 full collections in 25 s.
	 */
	static final List<String> DAEMON_JVM_FLAGS = List.of("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC");

	private final PrintStream out = System.out;

	private LabControl control() {
		return new LabControl(location.labState(), out);
	}

	@Command(name = "up", mixinStandardHelpOptions = true,
			description = "Start the lab for an overlay: builds missing jars, starts every workload, its sidecar and the ingress gateway,"
					+ " applies the baseline, prints the ingress URL once every pod is ready.")
	void up(@Parameters(paramLabel = "OVERLAY", arity = "0..1", defaultValue = "${env:GRAYCHAIN_OVERLAY:-k8s/overlays/v2}",
			description = "the kustomization, relative to the repository [GRAYCHAIN_OVERLAY, default: ${DEFAULT-VALUE}]") String overlay) {
		long started = System.nanoTime();
		LabControl control = control();
		if (control.daemon().isPresent()) {
			out.println("lab: already running (pid " + control.daemon().get().pid() + "), ingress " + control.ingressUrl()
					+ "; scripts/lab down stops it");
			return;
		}
		control.sweep();
		Path repo = location.repo();
		Path overlayDir = repo.resolve(overlay).normalize();
		if (!Files.isDirectory(overlayDir)) {
			throw new IllegalArgumentException("no overlay folder " + overlayDir);
		}
		// the services to build if a jar is missing, from the plain trees; the daemon reads the typed models
		List<ObjectNode> built = new Kustomizer().build(overlayDir);
		List<String> modules = List.copyOf(PodPlan.modules(built));
		List<String> missing = missingJars(repo, modules);
		if (modules.isEmpty() || !missing.isEmpty()) {
			// before minutes of Maven, or to say why nothing runs: refused here as the daemon would refuse it
			ManifestReader.read(built, overlayDir + " (built)");
		}
		if (modules.isEmpty()) {
			throw new IllegalArgumentException(overlay + " runs no container image");
		}
		build(repo, missing);
		List<String> daemon = new ArrayList<>();
		onPath("setsid").ifPresent(setsid -> daemon.add(setsid.toString()));
		daemon.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		daemon.addAll(DAEMON_JVM_FLAGS);
		Optional<DaemonArchive> archive = DaemonArchive.of(System.getProperty("java.class.path"), location.labState());
		archive.ifPresent(DaemonArchive::adopt); // what this lab's last daemon wrote, if it exited without a `lab down`
		archive.ifPresent(a -> daemon.addAll(a.jvmFlags()));
		daemon.addAll(launcher());
		daemon.addAll(List.of("daemon", "--repo", repo.toString(), "--overlay", overlayDir.toString(), "--lab-state",
				location.labState().toString()));
		daemon.addAll(run.daemonArgs());
		out.println("lab: starting " + String.join(" ", modules) + " from " + overlay + " (logs in " + location.labState() + ")");
		control.start(daemon, Duration.ofSeconds(run.readyTimeout() + 30L));
		String url = control.ingressUrl();
		out.println("lab: ready in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s. Ingress gateway: " + url);
		out.println("  curl -H 'Host: appa.graychain.local' -H 'Accept: text/plain' " + url + "/");
		out.println("  scripts/lab apply <scenario>   (scripts/scenario list shows them)");
		control.gatewayApiUrl().ifPresent(gatewayApi -> out.println("Gateway API gateway graychain-http: " + gatewayApi
				+ "   (scripts/lab apply --gateway-api <scenario>)"));
		out.println("dashboard: " + control.dashboardLink());
	}

	@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop every process the lab started, and nothing else.")
	void down() {
		boolean stopped = control().stop(Duration.ofSeconds(60));
		DaemonArchive.of(System.getProperty("java.class.path"), location.labState()).ifPresent(DaemonArchive::adopt);
		out.println(stopped ? "lab: stopped" : "lab: no lab runs");
	}

	@Command(name = "apply", mixinStandardHelpOptions = true,
			description = "Route by istio/scenarios/<scenario> (or a YAML file or folder) from now on; checked by the route engine first:"
					+ " a scenario with a mistake is refused and the rules in force stay.")
	int apply(@Parameters(paramLabel = "SCENARIO") String target,
			@Option(names = "--gateway-api", description = "the scenario's Gateway API twin instead of its Istio rules: its HTTPRoutes,"
					+ " served at the Gateway graychain-http on the ingress port + 1") boolean gatewayApi) {
		LabClient lab = control().client();
		Path scenarios = location.repo().resolve("istio/scenarios");
		// read here and sent as YAML with the files' names: the lab reads nothing from disk on anyone's word
		return print(gatewayApi ? lab.applyGatewayApi(RulesSource.resolveGatewayApi(target, scenarios))
				: lab.apply(RulesSource.resolve(target, scenarios)));
	}

	@Command(name = "reset", mixinStandardHelpOptions = true, description = "Back to the overlay's all-v1 baseline.")
	int reset() {
		return print(control().client().post("/reset", ""));
	}

	@Command(name = "status", mixinStandardHelpOptions = true, description = "Pods, ports, sidecars, env overrides and the rules in force.")
	int status() {
		return print(control().client().get("/status"));
	}

	@Command(name = "set-env", mixinStandardHelpOptions = true,
			description = { "Change a Deployment's environment as kubectl set env does (NAME- removes) and replace its pods;"
					+ " the old ones stop once the new ones are ready.", "e.g. scripts/lab set-env appb-v2 GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30" })
	int setEnv(@Parameters(paramLabel = "DEPLOYMENT") String deployment,
			@Parameters(paramLabel = "NAME=VALUE|NAME-", arity = "1..*") List<String> changes) {
		for (String change : changes) {
			if (change.contains("\n")) {
				throw new IllegalArgumentException("a line break in '" + change + "' cannot be sent");
			}
		}
		// one line each: the Deployment, then every change; new pods may take the ready timeout to get ready
		String body = deployment + "\n" + String.join("\n", changes);
		return print(control().client().post("/set-env", body, Duration.ofSeconds(run.readyTimeout() + 30L)));
	}

	@Command(name = "logs", mixinStandardHelpOptions = true, description = {
			"The log of one pod, e.g. appa-v2-0; with --access, the access log of a pod's sidecar or of a gateway"
					+ " (gateway, " + Router.GATEWAY_API + "), one line per request in Istio's access log format." })
	void logs(@Option(names = "--access", description = "the proxy's access log instead of the pod's log") boolean access,
			@Parameters(paramLabel = "POD|gateway") String name) throws IOException {
		Path dir = location.labState().resolve("logs");
		List<Path> files = access ? List.of(AccessLogs.previous(dir, name), AccessLogs.file(dir, name))
				: List.of(dir.resolve(name + ".log"));
		Path log = files.get(files.size() - 1);
		if (name.contains("/") || !Files.isRegularFile(log)) {
			throw new IllegalArgumentException("no " + (access ? "access log of " : "log of pod ") + name + " in " + dir
					+ (access ? " (it starts with the first request the proxy carries)" : ""));
		}
		for (Path file : files) {
			if (Files.isRegularFile(file)) {
				try (Stream<String> lines = Files.lines(file)) {
					lines.forEach(out::println);
				}
			}
		}
	}

	@Command(name = "cluster-url", mixinStandardHelpOptions = true,
			description = "The URL of a cluster's Istio ingress gateway, found with kubectl ($KUBECTL, else kubectl on the PATH).")
	void clusterUrl(@Mixin ClusterOptions cluster) {
		out.println(cluster.gateway(System.getenv()).url());
	}

	@Command(name = "cluster-lanes", mixinStandardHelpOptions = true,
			description = "The services of a cluster that run a v2, found with kubectl ($KUBECTL, else kubectl on the PATH).")
	void clusterLanes(@Mixin ClusterOptions cluster) {
		cluster.gateway(System.getenv()).lanes().forEach(out::println);
	}

	/** The admin endpoint's reply on stdout, as it is (a refusal too: exit 1 tells them apart). */
	private int print(OneShotHttp.Reply reply) {
		out.println(reply.body().stripTrailing());
		return reply.status() / 100 == 2 ? 0 : Meshlab.FAILED;
	}

	/** The {@code modules} whose runnable jar is not built. */
	private List<String> missingJars(Path repo, List<String> modules) {
		JarLocator jars = new JarLocator(repo, run.buildDir(), null);
		return modules.stream().filter(m -> jars.find(m).isEmpty()).toList();
	}

	/** Builds the runnable jars of the {@code missing} modules, in one Maven run (its output on stderr). */
	private void build(Path repo, List<String> missing) {
		if (missing.isEmpty()) {
			return;
		}
		System.err.println("lab: building " + String.join(" ", missing) + " (once; ./mvnw package)");
		try {
			Process maven = new ProcessBuilder(repo.resolve("mvnw").toString(), "-q", "-B", "-ntp", "-DskipTests",
					"-Dgraychain.build.dir=" + run.buildDir(), "package", "-pl", String.join(",", missing), "-am").directory(repo.toFile())
				.redirectErrorStream(true).start();
			maven.getInputStream().transferTo(System.err);
			if (maven.waitFor() != 0) {
				throw new IllegalStateException("./mvnw package -pl " + String.join(",", missing) + " failed (its output above)");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run ./mvnw: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while building " + missing);
		}
	}

	/** How to run this command line again: its jar ({@code -jar}), or its class path and main class. */
	static List<String> launcher() {
		String classPath = System.getProperty("java.class.path");
		if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
			return List.of("-jar", classPath);
		}
		return List.of("-cp", classPath, Meshlab.class.getName());
	}

	/** An executable on the PATH, as bash finds a command. */
	static java.util.Optional<Path> onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
	}

}
