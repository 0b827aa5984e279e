package io.graychain.meshlab.lab.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.graychain.meshlab.kustomize.Manifests;
import io.graychain.meshlab.lab.pods.ClassArchive;
import io.graychain.meshlab.lab.pods.EnvEdit;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.meshlab.lab.pods.PodFailure;
import io.graychain.meshlab.lab.pods.PodLauncher;
import io.graychain.meshlab.lab.pods.PodPlan;
import io.graychain.meshlab.lab.pods.PodProcess;
import io.graychain.meshlab.lab.pods.PodSpec;
import io.graychain.meshlab.lab.pods.RestartBackoff;
import io.graychain.meshlab.lab.observe.AccessLogs;
import io.graychain.meshlab.lab.pods.StartGate;
import io.graychain.meshlab.lab.observe.IstioMetrics;
import io.graychain.meshlab.lab.observe.TrafficGraph;
import io.graychain.meshlab.lab.proxy.ExchangeListener;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.lab.proxy.Endpoint;
import io.graychain.meshlab.lab.proxy.Forwarder;
import io.graychain.meshlab.lab.proxy.PoolLimits;
import io.graychain.meshlab.lab.proxy.ProxyServer;
import io.graychain.meshlab.lab.proxy.Router;

/**
 * A running lab: the ingress gateway, one sidecar and one process per pod, and the rules in force.
 * Stopping it stops every process it started, and nothing else.
 */
public final class Lab implements AutoCloseable {

	private static final Duration GRACE = Duration.ofSeconds(20);

	private final LabOptions options;

	private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
		Thread thread = new Thread(r, "lab");
		thread.setDaemon(true);
		return thread;
	});

	private final LabThreads threads = LabThreads.start("data-plane", LabThreads.MAX);

	private final ScheduledExecutorService kubelet = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "lab-kubelet");
		thread.setDaemon(true);
		return thread;
	});

	private final List<ProxyServer> servers = new CopyOnWriteArrayList<>();

	private final Map<String, ProxyServer> sidecars = new ConcurrentHashMap<>();

	private final List<PodProcess> pods = new CopyOnWriteArrayList<>();

	/** Pods of a rollout not ready yet: a lab stopped meanwhile stops them too. */
	private final List<PodProcess> starting = new CopyOnWriteArrayList<>();

	/** The runnable jar of every pod, by pod name. */
	private final Map<String, Path> jars = new ConcurrentHashMap<>();

	private final Manifests manifests;

	/** The container environment of each Deployment changed with {@link #setEnv}, and its revision. */
	private final Map<String, List<EnvVar>> changedEnv = new ConcurrentHashMap<>();

	private final Map<String, Integer> revisions = new ConcurrentHashMap<>();

	private final Instant started = Instant.now();

	private final LabRules rules;

	private final ProxyServer ingress;

	/** The gateway of the Gateway API Gateway graychain-http: Istio deploys one per Gateway, on its own address. */
	private final ProxyServer gatewayApi;

	private final IstioMetrics metrics = new IstioMetrics();

	private final TrafficGraph graph = new TrafficGraph(System::currentTimeMillis, this::laneServices);

	/** Every proxy tells the metrics and the graph of each request. */
	private final ExchangeListener exchanges = exchange -> {
		metrics.completed(exchange);
		graph.completed(exchange);
	};

	private final AccessLogs accessLogs;

	private final Forwarder forwarder = new Forwarder(threads, Duration.ofSeconds(15), PoolLimits.ENVOY);

	private volatile Duration readyAfter;

	/** Starts the pods through the start gate (--start-concurrency), each with its jar's class archive (issue 15). */
	private final PodLauncher launcher;

	private Lab(LabOptions options, LabTopology topology, Map<String, Integer> ports) {
		this.options = options;
		this.launcher = new PodLauncher(new StartGate(options.startConcurrency()), options.classArchive()
				? ClassArchive.forThisJdk(options.jvmFlags(), line -> System.out.println("[lab] " + line))
				: null, options.readyWithin());
		this.manifests = topology.manifests();
		this.jars.putAll(topology.jars());
		Map<String, List<Endpoint>> endpoints = topology.pods().stream().collect(Collectors.groupingBy(PodSpec::workload,
				LinkedHashMap::new, Collectors.mapping(p -> new Endpoint(p.name(), p.workload(), ports.get(p.name())), Collectors.toList())));
		EngineRouter router = new EngineRouter(topology.base(), endpoints);
		LabState state = new LabState(options.stateDir());
		this.rules = new LabRules(topology.base(), router, yaml -> state.writeRules(options.overlay(), yaml));
		this.accessLogs = new AccessLogs(options.logs(), AccessLogs.MAX_BYTES);
		this.ingress = ProxyServer.start(Router.GATEWAY, options.ingressPort(), router, forwarder, threads, ServerLimits.ENVOY,
				reported(Router.GATEWAY));
		servers.add(ingress);
		this.gatewayApi = ProxyServer.start(Router.GATEWAY_API, options.gatewayApiPort(), router, forwarder, threads,
				ServerLimits.ENVOY, reported(Router.GATEWAY_API));
		servers.add(gatewayApi);
	}

	private void launch(LabTopology topology, Map<String, Integer> ports) {
		EngineRouter router = rules.router();
		Map<String, Path> jarsByModule = new LinkedHashMap<>();
		topology.pods().forEach(p -> jarsByModule.putIfAbsent(p.module(), topology.jars().get(p.name())));
		launcher.prepare(jarsByModule);
		for (PodSpec pod : topology.pods()) {
			ProxyServer sidecar = ProxyServer.start(pod.workload(), 0, router, forwarder, threads, ServerLimits.ENVOY,
					reported(pod.name()));
			servers.add(sidecar);
			sidecars.put(pod.name(), sidecar);
			pods.add(launcher.start(pod, topology.jars().get(pod.name()), ports.get(pod.name()), sidecar.port(),
					options.logs(), options.jvmFlags(), options.marker()));
			// the gate may hold the next pods back until these are ready: a lab killed meanwhile leaves no stray pod
			writePodsFile();
		}
	}

	/** What the proxy {@code name} (a pod's sidecar, or a gateway) tells of each request: metrics, graph, its access log. */
	private ExchangeListener reported(String name) {
		ExchangeListener accessLog = accessLogs.of(name);
		return exchange -> {
			exchanges.completed(exchange);
			accessLog.completed(exchange);
		};
	}

	/** Starts the ingress gateway, the sidecars and every pod; does not wait for them to get ready. */
	public static Lab start(LabOptions options, LabTopology topology) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		// not the gateways' ports: they are bound only after this, and a pod started later would find them taken
		Set<Integer> gateways = Set.of(options.ingressPort(), options.gatewayApiPort());
		topology.pods().forEach(p -> ports.put(p.name(), FreePort.find(gateways)));
		Lab lab = new Lab(options, topology, ports);
		try {
			lab.launch(topology, ports);
			return lab;
		}
		catch (RuntimeException ex) {
			lab.close();
			throw ex;
		}
	}

	/** Waits until every pod is ready; the first pod that fails is thrown with its log tail. */
	public void awaitReady() {
		List<Future<?>> waits = pods.stream().map(p -> executor.submit(() -> p.awaitReady(options.readyWithin()))).collect(Collectors.toList());
		for (Future<?> wait : waits) {
			try {
				wait.get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw ex.getCause() instanceof PodFailure failure ? failure : new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for the pods", ex);
			}
		}
		readyAfter = Duration.between(started, Instant.now());
		for (PodProcess pod : pods) {
			pod.supervise(new RestartBackoff(options.restartBackoff()), kubelet, this::writePodsFile);
		}
	}

	/** One {@code <pid> <pod>} line per pod process, as {@code pods.pids} keeps them. */
	public List<String> pidsAndNames() {
		return pods.stream().map(p -> p.pid() + " " + p.spec().name()).toList();
	}

	public boolean ready() {
		return readyAfter != null && pods.stream().allMatch(PodProcess::ready);
	}

	/** What {@code /ready} says of a lab in which a pod has exited: it will not get ready. */
	public static final String EXITED = "exited:";

	/** {@code ready}, which pods exited (see their logs), or which pods are not ready yet. */
	public String readiness() {
		List<String> exited = pods.stream().filter(p -> "exited".equals(p.state())).map(p -> p.spec().name()).toList();
		if (!exited.isEmpty()) {
			return EXITED + " " + String.join(", ", exited) + " (see their logs)";
		}
		List<String> waiting = pods.stream().filter(p -> !p.ready())
			.map(p -> p.spec().name() + ("backoff".equals(p.state()) ? " (restarting after back-off)" : "")).toList();
		return waiting.isEmpty() && readyAfter != null ? "ready" : "starting: " + (pods.size() - waiting.size()) + "/" + pods.size()
				+ " pods ready, waiting for " + String.join(", ", waiting);
	}

	public String ingressUrl() {
		return "http://127.0.0.1:" + ingress.port();
	}

	public String gatewayApiUrl() {
		return "http://127.0.0.1:" + gatewayApi.port();
	}

	public LabRules rules() {
		return rules;
	}

	public List<PodProcess> pods() {
		return List.copyOf(pods);
	}

	/** The versioned graph and the chains of what the proxies carried. */
	public TrafficGraph graph() {
		return graph;
	}

	/** Istio's standard metrics of the gateway and the sidecars. */
	public IstioMetrics metrics() {
		return metrics;
	}

	/** The sidecar port of each workload (of its first pod), by Deployment name. */
	public Map<String, Integer> sidecarPorts() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		pods.forEach(p -> ports.putIfAbsent(p.spec().workload(), sidecars.get(p.spec().name()).port()));
		return ports;
	}

	/** The services (by {@code app} label) that run more than one version: where a chain can cross. */
	public Set<String> laneServices() {
		return PodPlan.lanes(pods.stream().map(PodProcess::spec).toList());
	}

	/** Workloads, ports, states and the rules in force, as {@code scripts/lab status} prints them. */
	public String status() {
		StringBuilder out = new StringBuilder();
		out.append("lab of ").append(options.overlay()).append(", up ").append(Duration.between(started, Instant.now()).toSeconds())
			.append(" s").append(readyAfter == null ? "" : ", ready after " + readyAfter.toMillis() / 1000.0 + " s").append('\n');
		out.append("ingress gateway: ").append(ingressUrl()).append("   (").append(readiness()).append(")\n");
		out.append("Gateway API gateway ").append(Router.GATEWAY_API).append(": ").append(gatewayApiUrl()).append("\n\n");
		out.append(String.format("%-20s %-8s %-8s %-6s %-8s %-8s %-8s %s%n", "POD", "VERSION", "PID", "PORT", "SIDECAR", "STATE",
				"RESTARTS", "LOG"));
		for (PodProcess pod : pods) {
			out.append(String.format("%-20s %-8s %-8d %-6d %-8d %-8s %-8d %s%n", pod.spec().name(), pod.spec().version(), pod.pid(),
					pod.port(), sidecars.get(pod.spec().name()).port(), pod.state(), pod.restarts(), pod.log()));
		}
		out.append(envOverrides());
		return out.append('\n').append(rules.describe()).toString();
	}

	/** The Deployments whose environment was changed with {@code set-env}, and how, for {@link #status()}. */
	private String envOverrides() {
		if (changedEnv.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder("\nenv overrides (scripts/lab set-env):\n");
		changedEnv.keySet().stream().sorted().forEach(workload -> {
			List<String> changes = EnvEdit.difference(PodPlan.env(manifests, workload), changedEnv.get(workload));
			out.append(String.format("  %-18s revision %-3d %s%n", workload, revisions.get(workload),
					changes.isEmpty() ? "(as in the manifest)" : String.join(" ", changes)));
		});
		return out.toString();
	}

	/**
	 * Changes the container environment of Deployment {@code workload} as {@code kubectl set env}
	 * does ({@code NAME=VALUE} sets, {@code NAME-} removes; see {@link EnvEdit}) and replaces its pods
	 * like a rolling update that never lowers the ready count: new pods (new names, ports and
	 * sidecars) start with the new environment; once every one is ready, traffic moves to them and
	 * the old pods are stopped gracefully. When a new pod does not get ready, it is stopped, the old
	 * pods keep serving and the change is not kept (a cluster would keep it, its rollout stalled).
	 */
	public synchronized LabRules.Change setEnv(String workload, List<String> arguments) {
		EnvEdit edit = EnvEdit.parse(arguments);
		List<PodProcess> old = pods.stream().filter(p -> p.spec().workload().equals(workload)).toList();
		List<EnvVar> current = changedEnv.getOrDefault(workload, PodPlan.env(manifests, workload));
		List<EnvVar> changed = edit.apply(current);
		if (changed.equals(current)) {
			return new LabRules.Change(true, "deployment " + workload + ": env unchanged");
		}
		int revision = revisions.getOrDefault(workload, 1) + 1;
		List<PodSpec> specs = PodPlan.revision(manifests, workload, changed, revision);
		if (old.size() != specs.size()) {
			throw new IllegalStateException(workload + " runs " + old.size() + " pods, its Deployment " + specs.size());
		}
		List<PodProcess> fresh = new ArrayList<>();
		List<ProxyServer> freshSidecars = new ArrayList<>();
		try {
			start(specs, old, fresh, freshSidecars);
			fresh.forEach(p -> p.awaitReady(options.readyWithin()));
		}
		catch (PodFailure failure) {
			abandon(fresh, freshSidecars);
			return new LabRules.Change(false, "not changed: " + failure.report()
					+ "\nthe pods of " + workload + " keep running with the environment they had");
		}
		catch (RuntimeException ex) {
			abandon(fresh, freshSidecars);
			throw ex;
		}
		swap(old, fresh, freshSidecars);
		changedEnv.put(workload, changed);
		revisions.put(workload, revision);
		return new LabRules.Change(true, "deployment " + workload + " rolled out (revision " + revision + "): "
				+ String.join(", ", old.stream().map(p -> p.spec().name()).toList()) + " replaced by "
				+ String.join(", ", fresh.stream().map(p -> p.spec().name()).toList()) + "; env differs from the manifest by: "
				+ String.join(" ", EnvEdit.difference(PodPlan.env(manifests, workload), changed)));
	}

	/** Starts a pod with its own sidecar for each spec (replacing {@code old} at the same index), not waiting. */
	private void start(List<PodSpec> specs, List<PodProcess> old, List<PodProcess> fresh, List<ProxyServer> freshSidecars) {
		for (int i = 0; i < specs.size(); i++) {
			ProxyServer sidecar = ProxyServer.start(specs.get(i).workload(), 0, rules.router(), forwarder, threads,
					ServerLimits.ENVOY, reported(specs.get(i).name()));
			freshSidecars.add(sidecar);
			servers.add(sidecar);
			Path jar = jars.get(old.get(i).spec().name());
			PodProcess pod = launcher.start(specs.get(i), jar, FreePort.find(), sidecar.port(), options.logs(),
					options.jvmFlags(), options.marker());
			fresh.add(pod);
			starting.add(pod);
			jars.put(specs.get(i).name(), jar);
		}
		writePodsFile();
	}

	/** Moves the traffic of each old pod to its ready replacement, then stops the old pods and sidecars. */
	private void swap(List<PodProcess> old, List<PodProcess> fresh, List<ProxyServer> freshSidecars) {
		for (int i = 0; i < old.size(); i++) {
			PodProcess before = old.get(i);
			PodProcess after = fresh.get(i);
			sidecars.put(after.spec().name(), freshSidecars.get(i));
			pods.set(pods.indexOf(before), after);
			starting.remove(after);
			rules.router().replace(endpoint(before), endpoint(after));
			after.supervise(new RestartBackoff(options.restartBackoff()), kubelet, this::writePodsFile);
		}
		List<ProxyServer> oldSidecars = old.stream().map(p -> sidecars.remove(p.spec().name())).toList();
		stopAll(old, oldSidecars);
		oldSidecars.forEach(servers::remove);
		writePodsFile();
	}

	private void abandon(List<PodProcess> fresh, List<ProxyServer> freshSidecars) {
		stopAll(fresh, freshSidecars);
		starting.removeAll(fresh);
		servers.removeAll(freshSidecars);
		writePodsFile();
	}

	/** {@code pods.pids} lists every pod process, starting ones too, for the clean-up after a lab killed hard. */
	private void writePodsFile() {
		List<PodProcess> all = new ArrayList<>(pods);
		all.addAll(starting);
		new LabState(options.stateDir()).writePods(all.stream().map(p -> p.pid() + " " + p.spec().name()).toList());
	}

	private static Endpoint endpoint(PodProcess pod) {
		return new Endpoint(pod.spec().name(), pod.spec().workload(), pod.port());
	}

	/** Stops pods gracefully and at once (each: SIGTERM, grace period, SIGKILL), then their sidecars. */
	private void stopAll(List<PodProcess> stopping, List<ProxyServer> theirSidecars) {
		List<Future<?>> stops = stopping.stream().map(p -> executor.submit(() -> p.stop(GRACE))).collect(Collectors.toList());
		stops.forEach(f -> {
			try {
				f.get();
			}
			catch (Exception ex) {
				// each stop ends with SIGKILL; nothing left to do here
			}
		});
		theirSidecars.forEach(ProxyServer::close);
	}

	/** Stops the ingress gateway, every pod (SIGTERM, grace period, SIGKILL), and the sidecars. */
	@Override
	public void close() {
		kubelet.shutdownNow();
		List<PodProcess> all = new ArrayList<>(pods);
		all.addAll(starting);
		stopAll(all, servers);
		forwarder.close();
		accessLogs.close();
		threads.close();
		executor.shutdownNow();
	}

}
