package io.graychain.meshlab.lab.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.meshlab.lab.pods.PodFailure;
import io.graychain.meshlab.lab.pods.PodPlan;
import io.graychain.meshlab.lab.pods.PodProcess;
import io.graychain.meshlab.lab.pods.PodSpec;
import io.graychain.meshlab.lab.pods.RestartBackoff;
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

	private final List<ProxyServer> servers = new ArrayList<>();

	private final Map<String, ProxyServer> sidecars = new LinkedHashMap<>();

	private final List<PodProcess> pods = new ArrayList<>();

	private final Instant started = Instant.now();

	private final LabRules rules;

	private final ProxyServer ingress;

	private final Forwarder forwarder = new Forwarder(threads, Duration.ofSeconds(15), PoolLimits.ENVOY);

	private volatile Duration readyAfter;

	private Lab(LabOptions options, LabTopology topology, Map<String, Integer> ports) {
		this.options = options;
		Map<String, List<Endpoint>> endpoints = topology.pods().stream().collect(Collectors.groupingBy(PodSpec::workload,
				LinkedHashMap::new, Collectors.mapping(p -> new Endpoint(p.name(), p.workload(), ports.get(p.name())), Collectors.toList())));
		EngineRouter router = new EngineRouter(topology.base(), endpoints);
		this.rules = new LabRules(topology.base(), router);
		this.ingress = ProxyServer.start(Router.GATEWAY, options.ingressPort(), router, forwarder, threads, ServerLimits.ENVOY);
		servers.add(ingress);
	}

	private void launch(LabTopology topology, Map<String, Integer> ports) {
		EngineRouter router = rules.router();
		for (PodSpec pod : topology.pods()) {
			ProxyServer sidecar = ProxyServer.start(pod.workload(), 0, router, forwarder, threads, ServerLimits.ENVOY);
			servers.add(sidecar);
			sidecars.put(pod.name(), sidecar);
			pods.add(PodProcess.start(pod, topology.jars().get(pod.name()), ports.get(pod.name()), sidecar.port(),
					options.logs(), options.jvmFlags(), options.marker()));
		}
	}

	/** Starts the ingress gateway, the sidecars and every pod; does not wait for them to get ready. */
	public static Lab start(LabOptions options, LabTopology topology) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		topology.pods().forEach(p -> ports.put(p.name(), FreePort.find()));
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
		LabState state = new LabState(options.stateDir());
		for (PodProcess pod : pods) {
			pod.supervise(new RestartBackoff(options.restartBackoff()), kubelet, () -> state.writePods(pidsAndNames()));
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

	public LabRules rules() {
		return rules;
	}

	public List<PodProcess> pods() {
		return List.copyOf(pods);
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
		out.append("ingress gateway: ").append(ingressUrl()).append("   (").append(readiness()).append(")\n\n");
		out.append(String.format("%-20s %-8s %-8s %-6s %-8s %-8s %-8s %s%n", "POD", "VERSION", "PID", "PORT", "SIDECAR", "STATE",
				"RESTARTS", "LOG"));
		for (PodProcess pod : pods) {
			out.append(String.format("%-20s %-8s %-8d %-6d %-8d %-8s %-8d %s%n", pod.spec().name(), pod.spec().version(), pod.pid(),
					pod.port(), sidecars.get(pod.spec().name()).port(), pod.state(), pod.restarts(), pod.log()));
		}
		return out.append('\n').append(rules.describe()).toString();
	}

	/** Stops the ingress gateway, every pod (SIGTERM, grace period, SIGKILL), and the sidecars. */
	@Override
	public void close() {
		kubelet.shutdownNow();
		List<Future<?>> stops = pods.stream().map(p -> executor.submit(() -> p.stop(GRACE))).collect(Collectors.toList());
		stops.forEach(f -> {
			try {
				f.get();
			}
			catch (Exception ex) {
				// each stop ends with SIGKILL; nothing left to do here
			}
		});
		servers.forEach(ProxyServer::close);
		forwarder.close();
		threads.close();
		executor.shutdownNow();
	}

}
