package io.graychain.meshlab.lab.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.lab.Args;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.pods.JarLocator;
import io.graychain.meshlab.lab.pods.PodFailure;
import io.graychain.meshlab.lab.pods.RestartBackoff;

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
	 * hook stops what was started. Options: --repo, --overlay, --state, --port, --admin-port, --build-dir, --jars-dir, --jvm-flags, --ready-timeout, --restart-backoff-ms (tests shrink the kubelet's 10 s). */
	public static int run(Args args) throws InterruptedException {
		LabOptions options = options(args);
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
			LabTopology topology = LabTopology.load(options, new Kustomizer());
			lab.set(Lab.start(options, topology));
			state.writeIngress(lab.get().ingressUrl());
			state.writePods(lab.get().pidsAndNames());
			log("started " + topology.pods().size() + " pods of " + options.overlay() + "; ingress " + lab.get().ingressUrl());
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

	private static void stopAll(Lab lab, AdminServer admin, LabState state) {
		if (lab != null) {
			lab.close();
		}
		admin.close();
		state.clear();
		log("stopped");
	}

	static LabOptions options(Args args) {
		Path repo = Path.of(args.get("repo", ".")).toAbsolutePath().normalize();
		Path overlay = repo.resolve(args.get("overlay", "k8s/overlays/v2")).normalize();
		Path stateDir = repo.resolve(args.get("state", ".lab")).normalize();
		Path jarsDir = args.has("jars-dir") ? repo.resolve(args.get("jars-dir", "")).normalize() : null;
		List<String> jvmFlags = args.has("jvm-flags") ? Arrays.asList(args.get("jvm-flags", "").trim().split("\\s+"))
				: LabOptions.DEFAULT_JVM_FLAGS;
		if (!Files.isDirectory(overlay)) {
			throw new IllegalArgumentException("no overlay folder " + overlay);
		}
		return new LabOptions(repo, overlay, stateDir, args.getInt("port", 18080), args.getInt("admin-port", 0),
				new JarLocator(repo, args.get("build-dir", "target"), jarsDir), jvmFlags,
				Duration.ofSeconds(args.getInt("ready-timeout", 180)),
				Duration.ofMillis(args.getInt("restart-backoff-ms", (int) RestartBackoff.KUBELET_INITIAL.toMillis())));
	}

	private static void log(String line) {
		System.out.println("[lab " + java.time.LocalTime.now().withNano(0) + "] " + line);
		System.out.flush();
	}

}
