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

	public int labPort() {
		return labPort;
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

	/** These options as the daemon's arguments. */
	public List<String> daemonArgs() {
		List<String> args = new ArrayList<>(List.of("--lab-port", String.valueOf(labPort), "--build-dir", buildDir,
				"--ready-timeout", String.valueOf(readyTimeout), "--restart-backoff-ms", String.valueOf(restartBackoffMs)));
		if (!jvmFlags.isBlank()) {
			args.addAll(List.of("--jvm-flags", jvmFlags));
		}
		return args;
	}

}
