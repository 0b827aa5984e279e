package io.graychain.meshlab.canary;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.graychain.meshlab.kubectl.Kubectl;
import io.graychain.meshlab.lab.client.LabLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code canary SERVICE [--cluster] [--url GATEWAY | --no-load]}: shifts SERVICE's VirtualService from subset v1 to
 * v2 step by step, in the running lab (default: through its admin endpoint, judging v2 on the lab's Istio
 * metrics) or on a cluster (kubectl apply, judging v2 on Prometheus with Flagger's Istio queries), and
 * promotes it or rolls it back ({@link CanaryRun}). Exit status: 0 promoted, 1 rolled back, 2 bad input or a lab, a
 * cluster or Prometheus that does not answer (the rules untouched, or restored when it happens mid-run), 130
 * interrupted (the rules in force before it started restored).
 * <p>
 * During every step it sends a load through the ingress gateway ({@code --url}, in the lab its own;
 * {@code --load RPS}, default 10), unless {@code --no-load}.
 */
@Command(name = "canary", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Promote SERVICE's v2 step by step on its live metrics, or roll it back.")
public final class CanaryCommand implements Callable<Integer> {

	static final int PROMOTED = 0;

	static final int ROLLED_BACK = 1;

	static final int BAD_INPUT = 2;

	static final int INTERRUPTED = 130;

	private static final Duration KUBECTL_TIMEOUT = Duration.ofSeconds(30);

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final String STABLE = "v1";

	private static final String CANARY = "v2";

	private static final int DEFAULT_RPS = 10;

	/** What each entry service answers at, as the Flagger canaries' load tests ask it (k8s/components/flagger). */
	private static final Map<String, String> MAIN_PAGES = Map.of("product", "/product", "frontend",
			"/api/forecast?city=berlin");

	@Parameters(index = "0", paramLabel = "SERVICE", description = "the service whose v2 to roll out, e.g. product")
	String service;

	@Option(names = "--steps", paramLabel = "W,W,...", defaultValue = "${env:GRAYCHAIN_STEPS:-10,25,50,100}",
			description = "v2's share at each step, rising to 100 (default: ${DEFAULT-VALUE})")
	String steps;

	@Option(names = "--interval", paramLabel = "DURATION", defaultValue = "${env:GRAYCHAIN_INTERVAL:-30s}",
			description = "how long each step lasts and is measured (default: ${DEFAULT-VALUE})")
	String interval;

	@Option(names = "--min-success-rate", paramLabel = "PERCENT",
			defaultValue = "${env:GRAYCHAIN_MIN_SUCCESS_RATE:-99}",
			description = "the lowest success rate that passes (default: ${DEFAULT-VALUE})")
	double minSuccessRate;

	@Option(names = "--max-p99", paramLabel = "DURATION", defaultValue = "${env:GRAYCHAIN_MAX_P99:-500ms}",
			description = "the highest p99 latency that passes (default: ${DEFAULT-VALUE})")
	String maxP99;

	@Option(names = "--no-load", description = "send no load: the service gets its traffic from elsewhere")
	boolean noLoad;

	@Option(names = "--load", paramLabel = "RPS", description = "requests a second sent through the ingress gateway "
			+ "during every step (default: " + DEFAULT_RPS + ")")
	Integer load;

	@Option(names = "--url", paramLabel = "URL", defaultValue = "${env:GRAYCHAIN_URL}",
			description = "the ingress gateway the load goes through, http://host[:port] (default in the lab: its own)")
	String url;

	@Option(names = "--host", paramLabel = "HOST", description = "the load's Host header (default: SERVICE.graychain.local)")
	String host;

	@Option(names = "--path", paramLabel = "PATH", description = "the load's path and query (default: the service's "
			+ "main page: /product for product, /api/forecast?city=berlin for frontend, else /)")
	String path;

	@Option(names = "--cluster", defaultValue = "${env:GRAYCHAIN_CLUSTER:-false}",
			description = "run on the cluster of the current kubectl context, not in the running lab")
	boolean cluster;

	@Option(names = "--prometheus", paramLabel = "URL",
			defaultValue = "${env:GRAYCHAIN_PROMETHEUS:-http://prometheus.istio-system:9090}",
			description = "the cluster's Prometheus (default: ${DEFAULT-VALUE})")
	String prometheus;

	@Option(names = "--namespace", paramLabel = "NS", defaultValue = "${env:GRAYCHAIN_NAMESPACE:-graychain}",
			description = "the namespace of graychain's workloads and rules (default: ${DEFAULT-VALUE})")
	String namespace;

	@Option(names = "--record-scrapes", paramLabel = "DIR", description = "in the lab: keep every scrape of its metrics "
			+ "in DIR (step-1-start.prom, step-1-end.prom, ...)")
	Path recordScrapes;

	@Mixin
	LabLocation lab;

	@Spec
	CommandSpec spec;

	private final Optional<Kubectl> kubectl;

	private final Sleeper sleeper;

	public CanaryCommand() {
		this(Kubectl.find(System.getenv()), Sleeper.REAL);
	}

	CanaryCommand(Optional<Kubectl> kubectl, Sleeper sleeper) {
		this.kubectl = kubectl;
		this.sleeper = sleeper;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Plan plan;
		try {
			plan = plan();
		}
		catch (CanaryException | UncheckedIOException ex) {
			// UncheckedIOException: kubectl could not be started
			err.println("canary: " + ex.getMessage());
			return BAD_INPUT;
		}
		out.printf(Locale.ROOT, "canary: %s %s -> %s %s, steps %s, %s each; pass: success rate >= %s%%, p99 <= %d ms%n",
				service, STABLE, CANARY, plan.where(), String.join(",", plan.steps().weights().stream().map(String::valueOf).toList()),
				interval, Thresholds.plain(minSuccessRate), plan.thresholds().maxP99().toMillis());
		out.flush();
		return run(plan, out, err);
	}

	private int run(Plan plan, PrintWriter out, PrintWriter err) {
		CanaryRun run = new CanaryRun(plan.traffic(), plan.metrics(), sleeper, report -> {
			out.println(report);
			out.flush();
		});
		// Ctrl-C: the hook interrupts the run, which restores the rules, and waits until it has (not for
		// the thread to end: a System.exit called while hooks run would block it)
		Thread main = Thread.currentThread();
		CountDownLatch finished = new CountDownLatch(1);
		Thread restoreOnExit = new Thread(() -> {
			main.interrupt();
			try {
				finished.await(KUBECTL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "canary-restore");
		Runtime.getRuntime().addShutdownHook(restoreOnExit);
		try {
			Outcome outcome = run.run(plan.steps(), plan.interval(), plan.thresholds());
			out.println("canary: " + outcome);
			return outcome.promoted() ? PROMOTED : ROLLED_BACK;
		}
		catch (InterruptedException ex) {
			Thread.interrupted();
			return restore(plan, err, "interrupted", INTERRUPTED);
		}
		catch (CanaryException | UncheckedIOException ex) {
			// a metrics read or an apply cut short by the interrupt says so in its own words
			return Thread.interrupted() ? restore(plan, err, "interrupted", INTERRUPTED)
					: restore(plan, err, ex.getMessage(), BAD_INPUT);
		}
		catch (IllegalStateException ex) {
			// interrupted while kubectl ran (Kubectl.run stops it and says so) or while the lab applied
			Thread.interrupted();
			return restore(plan, err, "interrupted", INTERRUPTED);
		}
		finally {
			finished.countDown();
			removeHook(restoreOnExit);
		}
	}

	private int restore(Plan plan, PrintWriter err, String why, int status) {
		try {
			plan.restore().run();
			err.println("canary: " + why + "; " + plan.rules() + " in force before " + (plan.rules().startsWith("the rules")
					? "are" : "is") + " back");
		}
		catch (RuntimeException ex) {
			err.println("canary: " + why + "; restoring " + plan.rules() + " failed too: " + ex.getMessage());
		}
		return status;
	}

	/** Everything checked before a rule changes: input, the lab or kubectl, the rules in force, the metrics. */
	private Plan plan() {
		Steps parsedSteps = Steps.parse(steps);
		Duration parsedInterval = Durations.parse(interval, "--interval");
		Thresholds thresholds = new Thresholds(minSuccessRate, Durations.parse(maxP99, "--max-p99"));
		return cluster ? clusterPlan(parsedSteps, parsedInterval, thresholds)
				: labPlan(parsedSteps, parsedInterval, thresholds);
	}

	/**
	 * The running lab: the weights applied through its admin endpoint, the canary measured on its Istio
	 * metrics ({@code /stats/prometheus} on the dashboard's port), the load sent to its ingress gateway.
	 */
	private Plan labPlan(Steps parsedSteps, Duration parsedInterval, Thresholds thresholds) {
		Path stateDir = lab.labState();
		LabTrafficSplit traffic = LabTrafficSplit.open(lab.client(), stateDir, service, STABLE, CANARY);
		MetricsEndpoint endpoint = new MetricsEndpoint(labUrl(stateDir, "dashboard.url").resolve("stats/prometheus"),
				KUBECTL_TIMEOUT);
		endpoint.get();
		CanaryMetrics metrics = new ScrapeMetrics(recordScrapes == null ? endpoint : new RecordedScrapes(endpoint, recordScrapes),
				CanarySeries.version(traffic.namespace(), service, CANARY));
		Optional<GatewayLoad> gatewayLoad = gatewayLoad(noLoad || (url != null && !url.isBlank()) ? url
				: labUrl(stateDir, "ingress.url").toString());
		return new Plan(parsedSteps, parsedInterval, thresholds, loaded(metrics, gatewayLoad), traffic, traffic::restore,
				"in the lab", "the rules");
	}

	/** A cluster: kubectl apply of each step, Flagger's queries on its Prometheus. */
	private Plan clusterPlan(Steps parsedSteps, Duration parsedInterval, Thresholds thresholds) {
		Optional<GatewayLoad> gatewayLoad = gatewayLoad(url);
		Kubectl tool = kubectl.orElseThrow(() -> new CanaryException("kubectl not found on the PATH (or $KUBECTL)"));
		VirtualServiceSplit split = new VirtualServiceSplit(get(tool, "virtualservice"), service);
		List<String> subsets = new ArrayList<>();
		read(get(tool, "destinationrule")).path("spec").path("subsets").forEach(s -> subsets.add(s.path("name").asText()));
		for (String subset : List.of(STABLE, CANARY)) {
			if (!subsets.contains(subset)) {
				throw new CanaryException("the DestinationRule " + service + " has no subset " + subset + " (it has "
						+ subsets + "): nothing to shift between " + STABLE + " and " + CANARY);
			}
		}
		PrometheusApi api = new PrometheusApi(prometheusUri(), KUBECTL_TIMEOUT);
		api.query("vector(1)");
		KubectlTrafficSplit traffic = new KubectlTrafficSplit(tool, namespace, split, STABLE, CANARY);
		CanaryMetrics metrics = new PrometheusMetrics(api, namespace, service + "-" + CANARY, parsedInterval);
		return new Plan(parsedSteps, parsedInterval, thresholds, loaded(metrics, gatewayLoad), traffic, traffic::restore,
				"in " + namespace, "the VirtualService " + service);
	}

	private static CanaryMetrics loaded(CanaryMetrics metrics, Optional<GatewayLoad> load) {
		return load.<CanaryMetrics>map(l -> new LoadedMetrics(metrics, l)).orElse(metrics);
	}

	/** A URL the lab wrote into its state folder ({@code dashboard.url}, {@code ingress.url}). */
	private static URI labUrl(Path stateDir, String file) {
		try {
			return new URI(Files.readString(stateDir.resolve(file)).strip());
		}
		catch (java.io.IOException | URISyntaxException ex) {
			throw new CanaryException("the lab wrote no usable " + file + " in " + stateDir + " (scripts/lab status)");
		}
	}

	/** The load to send during each step through {@code gatewayUrl}, unless --no-load. */
	private Optional<GatewayLoad> gatewayLoad(String gatewayUrl) {
		if (noLoad) {
			if (load != null) {
				throw new CanaryException("give --load RPS or --no-load, not both");
			}
			return Optional.empty();
		}
		if (gatewayUrl == null || gatewayUrl.isBlank()) {
			throw new CanaryException("give the ingress gateway's --url to send load through (or --no-load: the "
					+ "service gets its traffic from elsewhere)");
		}
		URI gateway;
		try {
			gateway = new URI(gatewayUrl);
		}
		catch (URISyntaxException ex) {
			throw new CanaryException("--url: not a URL: " + gatewayUrl);
		}
		return Optional.of(new GatewayLoad(gateway, host == null ? service + ".graychain.local" : host,
				path == null ? MAIN_PAGES.getOrDefault(service, "/") : path, load == null ? DEFAULT_RPS : load,
				Duration.ofSeconds(5)));
	}

	private String get(Kubectl tool, String kind) {
		Kubectl.Run run = tool.run(List.of("get", kind, service, "-n", namespace, "-o", "yaml"), KUBECTL_TIMEOUT);
		if (run.exit() != 0) {
			throw new CanaryException("cannot read the " + kind + " " + service + " in " + namespace + ": "
					+ (run.timedOut() ? "kubectl did not answer within " + KUBECTL_TIMEOUT.toSeconds() + " s" : run.err()));
		}
		return run.out();
	}

	private static JsonNode read(String yaml) {
		try {
			return YAML.readTree(yaml);
		}
		catch (java.io.IOException ex) {
			throw new CanaryException("kubectl printed something that is not YAML");
		}
	}

	private URI prometheusUri() {
		try {
			return new URI(prometheus);
		}
		catch (URISyntaxException ex) {
			throw new CanaryException("--prometheus: not a URL: " + prometheus);
		}
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook runs, and waits for this thread to end
		}
	}

	/**
	 * What a run needs, all checked.
	 *
	 * @param where where it runs, for the first line ({@code in the lab}, {@code in graychain})
	 * @param rules what {@code restore} puts back, for messages ({@code the rules}, {@code the VirtualService product})
	 */
	private record Plan(Steps steps, Duration interval, Thresholds thresholds, CanaryMetrics metrics, TrafficSplit traffic,
			Runnable restore, String where, String rules) {
	}

}
