package io.graychain.meshlab.lab.daemon;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.pods.PodFailure;

/**
 * The long-running lab process that {@code scripts/lab up} starts in the background: renders the
 * overlay, starts the admin endpoint, the ingress gateway, the sidecars and the pods, writes its
 * state files, and runs until {@code POST /shutdown} or a signal, then stops everything it started.
 */
public final class LabDaemon {

	private LabDaemon() {
	}

	/**
	 * Runs the lab until it is told to stop; the caller exits the JVM with the status, and a shutdown
	 * hook stops what was started ({@link LabDaemonCommand} reads the options).
	 */
	public static int run(LabOptions options) throws InterruptedException {
		// rendering the overlay is most of the daemon's own start: it runs while the admin endpoint and the dashboard start
		FutureTask<LabTopology> topology = new FutureTask<>(() -> LabTopology.load(options, new Kustomizer()));
		Thread render = new Thread(topology, "lab-render");
		render.setDaemon(true);
		render.start();
		LabState state = new LabState(options.stateDir());
		AtomicReference<Lab> lab = new AtomicReference<>();
		CountDownLatch stop = new CountDownLatch(1);
		String token = state.writeToken();
		AdminServer admin = AdminServer.start(options.adminPort(), token, lab::get, stop::countDown, ServerLimits.ENVOY
			.withIdleTimeout(AdminServer.BODY_WITHIN));
		DashboardServer dashboard = DashboardServer.start(0, lab::get, options.repo().resolve("istio/scenarios"), token,
				ServerLimits.ENVOY);
		Thread hook = new Thread(() -> {
			stopAll(lab.get(), admin, state);
			dashboard.close();
		}, "lab-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		state.writeStarted(ProcessHandle.current().pid(), admin.port());
		state.writeDashboard(dashboard.url());
		log("dashboard: " + dashboard.url());
		try {
			lab.set(Lab.start(options, rendered(topology)));
			state.writeIngress(lab.get().ingressUrl());
			state.writeGatewayApi(lab.get().gatewayApiUrl());
			state.writePods(lab.get().pidsAndNames());
			log("started " + lab.get().pods().size() + " pods of " + options.overlay() + "; ingress " + lab.get().ingressUrl());
			lab.get().awaitReady();
			log("ready: " + lab.get().ingressUrl());
		}
		catch (PodFailure failure) {
			log("FAILED: " + failure.report());
			return 1;
		}
		catch (RuntimeException ex) {
			log("FAILED: " + ex.getMessage());
			return 1;
		}
		stop.await();
		log("stopping");
		return 0;
	}

	/** The rendered overlay, or what stopped it (a RuntimeException, as if rendered on this thread). */
	private static LabTopology rendered(FutureTask<LabTopology> topology) throws InterruptedException {
		try {
			return topology.get();
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(ex.getCause());
		}
	}

	private static void stopAll(Lab lab, AdminServer admin, LabState state) {
		if (lab != null) {
			lab.close();
		}
		admin.close();
		state.clear();
		log("stopped");
	}

	private static void log(String line) {
		System.out.println("[lab " + java.time.LocalTime.now().withNano(0) + "] " + line);
		System.out.flush();
	}

}
