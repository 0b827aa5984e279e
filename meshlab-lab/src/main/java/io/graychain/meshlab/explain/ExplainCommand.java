package io.graychain.meshlab.explain;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.graychain.meshlab.analyze.Analyzer;
import io.graychain.meshlab.analyze.Finding;
import io.graychain.meshlab.chain.CallGraph;
import io.graychain.meshlab.chain.Explainer;
import io.graychain.meshlab.chain.Explanation;
import io.graychain.meshlab.kubectl.Kubectl;
import io.graychain.meshlab.mesh.GatewayDef;
import io.graychain.meshlab.mesh.KubeGatewayDef;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.Workload;
import io.graychain.meshlab.route.Decision;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.route.Source;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code explain}: which version answers a request, and why, hop by hop down the chain, from the
 * rule files, the lab's rules in force or a cluster's. Self-contained: register it as a picocli
 * subcommand, or run {@link #run(String...)}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Which version answers this request, and why: for every hop down the chain, the rule and route",
				"that decided, the first condition that failed for each route passed over, the destinations",
				"with their shares. Offline from the files by default." },
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = { "0:explained (whatever the status of the request)", "2:bad input (named on one line)" })
public final class ExplainCommand implements Callable<Integer> {

	/** The exit status for bad input. */
	public static final int BAD_INPUT = 2;

	@Spec
	private CommandLine.Model.CommandSpec spec;

	private final Map<String, String> env;

	public ExplainCommand() {
		this(System.getenv());
	}

	/** The command with {@code env} as its environment (KUBECTL, PATH for --cluster). */
	ExplainCommand(Map<String, String> env) {
		this.env = Map.copyOf(env);
	}

	@Option(names = "--repo", paramLabel = "DIR", defaultValue = "${env:GRAYCHAIN_REPO:-.}",
			description = "the graychain repository [GRAYCHAIN_REPO, default: .; the scripts set it]")
	private Path repo;

	@Option(names = "--overlay", paramLabel = "DIR",
			description = "the kustomize overlay whose Services, Deployments and rules apply [default: <repo>/k8s/overlays/v2]")
	private Path overlay;

	@Option(names = "--no-baseline", description = "leave the overlay's own routes (VirtualServices) out")
	private boolean noBaseline;

	@Option(names = "--lab", description = "the rules in force in the running lab")
	private boolean lab;

	@Option(names = "--lab-state", paramLabel = "DIR", defaultValue = "${env:GRAYCHAIN_LAB_STATE}",
			description = "the lab's state folder [GRAYCHAIN_LAB_STATE, default: <repo>/.lab]")
	private Path state;

	@Option(names = "--cluster", description = "a cluster's rules, read with kubectl ($KUBECTL, else kubectl on the PATH)")
	private boolean cluster;

	@Option(names = "--namespace", paramLabel = "NS", defaultValue = "${env:GRAYCHAIN_NAMESPACE:-graychain}",
			description = "the namespace read from the cluster [GRAYCHAIN_NAMESPACE, default: graychain]")
	private String namespace;

	@Option(names = "--from", paramLabel = "gateway|GATEWAY|WORKLOAD", defaultValue = "gateway",
			description = "the ingress gateway, a gateway by name (graychain-http: the Gateway API one; graychain-http:8080: a request"
					+ " arriving on its port 8080, default the port the lab serves), or a Deployment whose sidecar sends the request [default: gateway]")
	private String from;

	@Option(names = "--host", required = true, paramLabel = "HOST", description = "the Host header, e.g. appa.graychain.local or appb:8000")
	private String host;

	@Option(names = "--path", paramLabel = "PATH[?QUERY]", defaultValue = "/", description = "the path and query [default: /]")
	private String path;

	@Option(names = "--method", paramLabel = "M", defaultValue = "GET", description = "the method [default: GET]")
	private String method;

	@Option(names = { "-H", "--header" }, paramLabel = "'Name: value'", description = "a request header (repeatable)")
	private List<String> headers = new ArrayList<>();

	@Option(names = { "-b", "--cookie" }, paramLabel = "name=value", description = "a cookie, sent as browsers send them (repeatable)")
	private List<String> cookies = new ArrayList<>();

	@Option(names = "--json", description = "one JSON object (docs/explain.md)")
	private boolean json;

	/**
	 * One {@code --scenario} or {@code --rules}: a repeating exclusive group keeps them in the order
	 * given, and each may be repeated (a setter method of one value could be given once only).
	 */
	static final class LayerOption {

		@Option(names = "--scenario", paramLabel = "NAME|PATH",
				description = "a scenario of istio/scenarios, or a folder, applied in order with --rules (repeatable)")
		private String scenario;

		@Option(names = "--rules", paramLabel = "FILE",
				description = "a YAML file (or folder) of rules, VirtualServices or HTTPRoutes, applied in order with --scenario (repeatable)")
		private String rules;

		RuleSources.Layer layer() {
			return scenario != null ? RuleSources.Layer.scenario(scenario) : RuleSources.Layer.rules(rules);
		}

	}

	@ArgGroup(exclusive = true, multiplicity = "0..*")
	private List<LayerOption> layers = new ArrayList<>();

	@Option(names = "--gateway-api",
			description = "--scenario applies the scenario's Gateway API twin instead of its Istio rules; --from gateway means graychain-http")
	private boolean gatewayApi;

	/** Runs the command line; returns the exit status. */
	public static int run(String... args) {
		return commandLine().execute(args);
	}

	/** The command with its one-line answer to bad options (exit 2), for registering as a subcommand too. */
	public static CommandLine commandLine() {
		return commandLine(new ExplainCommand());
	}

	static CommandLine commandLine(ExplainCommand command) {
		CommandLine line = new CommandLine(command);
		line.setParameterExceptionHandler((ex, args) -> {
			ex.getCommandLine().getErr().println("explain: " + ex.getMessage() + " (explain --help shows the options)");
			return BAD_INPUT;
		});
		return line;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try {
			List<Finding> findings = new ArrayList<>();
			Explanation explanation = explain(findings);
			out.print(json ? ExplanationJson.write(explanation, findings) : ExplanationText.write(explanation, findings));
			out.flush();
			return 0;
		}
		catch (ExplainException ex) {
			err.println("explain: " + ex.getMessage());
			err.flush();
			return BAD_INPUT;
		}
	}

	/** The explanation; {@code findings} receives what the analyzer says about the rules. */
	Explanation explain(List<Finding> findings) {
		if (lab && cluster) {
			throw new ExplainException("--lab and --cluster exclude each other");
		}
		Path root = repo.toAbsolutePath().normalize();
		MeshConfig config;
		if (lab) {
			config = RuleSources.lab(state == null ? root.resolve(".lab") : state);
		}
		else if (cluster) {
			Kubectl kubectl = Kubectl.find(env)
				.orElseThrow(() -> new ExplainException("no kubectl: set KUBECTL or put kubectl on the PATH"));
			config = RuleSources.cluster(kubectl, namespace);
		}
		else {
			config = RuleSources.overlay(overlay == null ? root.resolve("k8s/overlays/v2") : overlay, !noBaseline);
		}
		config = RuleSources.apply(config, layers.stream().map(LayerOption::layer).toList(), root.resolve("istio/scenarios"), gatewayApi);
		RouteEngine engine = new RouteEngine(config);
		findings.addAll(Analyzer.analyze(config));
		Source source = source(config);
		HttpRequest request = request();
		Decision entry = engine.decide(request, source);
		if (entry.outcome() == Decision.Outcome.UNKNOWN_HOST) {
			throw new ExplainException("unknown host '" + host + "' " + (atGateway(source) ? "at the gateway" : "from " + from)
					+ ": " + entry.reason());
		}
		String sender = source instanceof Source.AtKubeGateway kube ? kube.gateway().name() : source instanceof Source.AtGateway ? "gateway" : from;
		return new Explainer(engine, CallGraph.graychain()).explain(request, source, sender);
	}

	private static boolean atGateway(Source source) {
		return source instanceof Source.AtGateway || source instanceof Source.AtKubeGateway;
	}

	private Source source(MeshConfig config) {
		List<GatewayDef> gateways = config.gateways();
		List<KubeGatewayDef> kubeGateways = config.kubeGateways();
		if ("gateway".equals(from) && gatewayApi) {
			if (kubeGateways.size() != 1) {
				throw new ExplainException("--gateway-api with --from gateway needs exactly one Gateway API Gateway, found "
						+ kubeGateways.size() + ": name one with --from");
			}
			return Source.kubeGateway(kubeGateways.get(0));
		}
		if ("gateway".equals(from)) {
			if (gateways.size() != 1) {
				throw new ExplainException(gateways.isEmpty() ? "no Gateway in the rules: --from gateway needs one"
						: "several Gateways (" + gateways.stream().map(GatewayDef::name).collect(Collectors.joining(", "))
								+ "): name one with --from");
			}
			return Source.gateway(gateways.get(0));
		}
		if (from.contains(":") && kubeGateways.stream().anyMatch(g -> from.startsWith(g.name() + ":"))) {
			try {
				return new RouteEngine(config).source(from);
			}
			catch (IllegalArgumentException ex) {
				throw new ExplainException("--from " + from + ": a Gateway API Gateway and the port the request arrives on, e.g. "
						+ kubeGateways.get(0).name() + ":8080");
			}
		}
		return gateways.stream().filter(g -> g.name().equals(from)).findFirst().map(Source::gateway)
			.or(() -> kubeGateways.stream().filter(g -> g.name().equals(from)).findFirst().map(Source::kubeGateway))
			.or(() -> config.workload(from).map(Source::workload))
			.orElseThrow(() -> new ExplainException("unknown workload '" + from + "': --from takes gateway, a Gateway API Gateway "
					+ kubeGateways.stream().map(KubeGatewayDef::name).toList() + " or one of "
					+ config.workloads().stream().map(Workload::name).collect(Collectors.joining(", "))));
	}

	private HttpRequest request() {
		HttpRequest parsed = HttpRequest.get(host, path.startsWith("/") ? path : "/" + path);
		Map<String, String> values = new LinkedHashMap<>();
		for (String header : headers) {
			int colon = header.indexOf(':');
			if (colon <= 0) {
				throw new ExplainException("header '" + header + "' is not 'Name: value'");
			}
			// a repeated header is matched as Envoy sees it: its values joined with ","
			values.merge(header.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
					header.substring(colon + 1).strip(), (a, b) -> a + "," + b);
		}
		HttpRequest request = new HttpRequest(host, parsed.path(), method.toUpperCase(java.util.Locale.ROOT), values,
				parsed.query());
		for (String cookie : cookies) {
			int eq = cookie.indexOf('=');
			if (eq <= 0) {
				throw new ExplainException("cookie '" + cookie + "' is not name=value");
			}
			request = request.withCookie(cookie.substring(0, eq), cookie.substring(eq + 1));
		}
		return request;
	}

}
