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
 * @param gatewayApiPort the loopback port of the Gateway API gateway graychain-http (0: any free port)
 * @param startConcurrency how many pods start at once at most (0: all at once)
 * @param classArchive whether pods run with a class-data-sharing archive of their jar (made once per jar)
 */
public record LabOptions(Path repo, Path overlay, Path stateDir, int ingressPort, int adminPort, JarLocator jars,
		List<String> jvmFlags, Duration readyWithin, Duration restartBackoff, int gatewayApiPort, int startConcurrency,
		boolean classArchive) {

	/**
	 * JVM flags for many small services on few cores: C1 only, serial GC, small stacks and heap. The
	 * heap given back after each collection (Min/MaxHeapFreeRatio 10/30) was measured and refused: 1–5 %
	 * less memory after 1,000 requests, but every service started slower (1.05–1.54×, median of three;
	 * {@code scripts/bench-startup --levers lean-heap}, docs/measurements.md). The young generation is held
	 * at 8 MiB ({@code -Xmn8m}, lever {@code small-young}, measured on the images' flags): 4–7 % less
	 * resident memory after 1,000 requests; in the lab 20 MiB less for the 11 pods at start-up, start
	 * times within the noise.
	 */
	public static final List<String> DEFAULT_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-Xss512k", "-Xms32m", "-Xmx128m", "-Xmn8m", "-XX:ReservedCodeCacheSize=48m", "-XX:+ExitOnOutOfMemoryError");

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
