package io.graychain.meshlab.lab.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.graychain.meshlab.lab.pods.JarLocator;

/**
 * How to run a lab.
 *
 * @param repo the repository root (holding {@code istio/scenarios})
 * @param overlay the kustomize folder to run, e.g. {@code k8s/overlays/v2}
 * @param stateDir where pids, ports and logs go, e.g. {@code .lab}
 * @param ingressPort the loopback port of the ingress gateway
 * @param adminPort the loopback port of the admin endpoint (0: any free port)
 * @param jars where the services' runnable jars are
 * @param jvmFlags the flags of every service JVM
 * @param readyWithin how long every pod may take to get ready
 * @param restartBackoff the first back-off before a pod that exited is restarted (the kubelet's 10 s)
 */
public record LabOptions(Path repo, Path overlay, Path stateDir, int ingressPort, int adminPort, JarLocator jars,
		List<String> jvmFlags, Duration readyWithin, Duration restartBackoff) {

	/** JVM flags for many small services on few cores: C1 only, serial GC, small stacks and heap. */
	public static final List<String> DEFAULT_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-Xss512k", "-Xms32m", "-Xmx128m", "-XX:ReservedCodeCacheSize=48m", "-XX:+ExitOnOutOfMemoryError");

	public LabOptions {
		jvmFlags = List.copyOf(jvmFlags);
	}

	public Path logs() {
		return stateDir.resolve("logs");
	}

	/** What tells this lab's processes from all others: {@code -Dgraychain.lab=<state dir>}. */
	public String marker() {
		return stateDir.toAbsolutePath().normalize().toString();
	}

}
