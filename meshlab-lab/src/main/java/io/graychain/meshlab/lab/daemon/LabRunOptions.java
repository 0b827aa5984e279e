package io.graychain.meshlab.lab.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine.Option;

/** How a lab runs, as {@code lab up} and {@code daemon} take it (a picocli mixin). */
public final class LabRunOptions {

	@Option(names = "--lab-port", paramLabel = "PORT", defaultValue = "${env:GRAYCHAIN_LAB_PORT:-18080}",
			description = "the ingress gateway's port on 127.0.0.1 [GRAYCHAIN_LAB_PORT, default: ${DEFAULT-VALUE}]")
	int labPort;

	@Option(names = "--gateway-api-port", paramLabel = "PORT", defaultValue = "${env:GRAYCHAIN_GATEWAY_API_PORT:-}",
			description = "the Gateway API gateway graychain-http's port on 127.0.0.1; 0: any free port, written to"
					+ " <lab-state>/gateway-api.url [GRAYCHAIN_GATEWAY_API_PORT, default: the lab port + 1, 18081]")
	String gatewayApiPort;

	@Option(names = "--build-dir", paramLabel = "NAME", defaultValue = "${env:GRAYCHAIN_BUILD_DIR:-target}",
			description = "each module's Maven build folder, holding the runnable jars [GRAYCHAIN_BUILD_DIR, default: ${DEFAULT-VALUE}]")
	String buildDir;

	@Option(names = "--jvm-flags", paramLabel = "FLAGS", defaultValue = "${env:GRAYCHAIN_JVM_FLAGS:-}",
			description = "flags of every service JVM [GRAYCHAIN_JVM_FLAGS, default: C1 only, serial GC, 128 MiB heap]")
	String jvmFlags;

	@Option(names = "--ready-timeout", paramLabel = "SECS", defaultValue = "${env:GRAYCHAIN_READY_TIMEOUT:-180}",
			description = "how long every pod may take to get ready [GRAYCHAIN_READY_TIMEOUT, default: ${DEFAULT-VALUE}]")
	int readyTimeout;

	@Option(names = "--restart-backoff-ms", paramLabel = "MS", defaultValue = "${env:GRAYCHAIN_RESTART_BACKOFF_MS:-10000}",
			description = "the first back-off before a pod that exited again is restarted; it doubles up to 30 times this,"
					+ " as the kubelet's 10 s to 300 s [GRAYCHAIN_RESTART_BACKOFF_MS, default: ${DEFAULT-VALUE}]")
	long restartBackoffMs;

	@Option(names = "--start-concurrency", paramLabel = "N", defaultValue = "${env:GRAYCHAIN_START_CONCURRENCY:-cores}",
			description = "how many pods start at once at most, the next when one is ready: a number, `cores` (one per core)"
					+ " or `all` (all at once) [GRAYCHAIN_START_CONCURRENCY, default: ${DEFAULT-VALUE}]")
	String startConcurrency;

	@Option(names = "--class-archive", negatable = true, defaultValue = "${env:GRAYCHAIN_CLASS_ARCHIVE:-true}", fallbackValue = "true",
			description = "run the pods with a class-data-sharing archive of their jar, made once per build of the jar (the first"
					+ " start after a build trains it) in class-archives/ beside the jar [GRAYCHAIN_CLASS_ARCHIVE, default: ${DEFAULT-VALUE}]")
	boolean classArchive;

	public int labPort() {
		return labPort;
	}

	/**
	 * The Gateway API gateway's port: as given (0: any free port), else the lab port + 1 (any free port
	 * when the lab port is 0), so a trainer's two gateways sit side by side at 18080 and 18081.
	 */
	public int gatewayApiPort() {
		if (gatewayApiPort == null || gatewayApiPort.isBlank()) {
			return labPort == 0 ? 0 : labPort + 1;
		}
		int port;
		try {
			port = Integer.parseInt(gatewayApiPort.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--gateway-api-port must be a port number, not '" + gatewayApiPort + "'");
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("--gateway-api-port must be 0 to 65535, not " + port);
		}
		if (port != 0 && port == labPort) {
			throw new IllegalArgumentException("--gateway-api-port " + port + " is the lab port (--lab-port) already: choose another");
		}
		return port;
	}

	public String buildDir() {
		return buildDir;
	}

	/** The service JVMs' flags: those given, else {@link LabOptions#DEFAULT_JVM_FLAGS}. */
	public List<String> jvmFlags() {
		return jvmFlags.isBlank() ? LabOptions.DEFAULT_JVM_FLAGS : Arrays.asList(jvmFlags.trim().split("\\s+"));
	}

	public int readyTimeout() {
		return readyTimeout;
	}

	public Duration restartBackoff() {
		if (restartBackoffMs < 1) {
			throw new IllegalArgumentException("--restart-backoff-ms must be at least 1, not " + restartBackoffMs);
		}
		return Duration.ofMillis(restartBackoffMs);
	}

	/** How many pods start at once at most; 0: all at once. */
	public int startConcurrency() {
		String value = startConcurrency.strip();
		if ("cores".equals(value)) {
			return Runtime.getRuntime().availableProcessors();
		}
		if ("all".equals(value)) {
			return 0;
		}
		if (!value.matches("[1-9][0-9]{0,3}")) {
			throw new IllegalArgumentException("--start-concurrency takes a number, cores or all, not " + startConcurrency);
		}
		return Integer.parseInt(value);
	}

	public boolean classArchive() {
		return classArchive;
	}

	/** These options as the daemon's arguments. */
	public List<String> daemonArgs() {
		List<String> args = new ArrayList<>(List.of("--lab-port", String.valueOf(labPort), "--gateway-api-port",
				String.valueOf(gatewayApiPort()), "--build-dir", buildDir,
				"--ready-timeout", String.valueOf(readyTimeout), "--restart-backoff-ms", String.valueOf(restartBackoffMs),
				"--start-concurrency", startConcurrency, classArchive ? "--class-archive" : "--no-class-archive"));
		if (!jvmFlags.isBlank()) {
			args.addAll(List.of("--jvm-flags", jvmFlags));
		}
		return args;
	}

}
