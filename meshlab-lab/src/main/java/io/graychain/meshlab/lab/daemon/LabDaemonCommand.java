package io.graychain.meshlab.lab.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.graychain.meshlab.lab.client.LabLocation;
import io.graychain.meshlab.lab.pods.JarLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daemon}: the lab itself, in the foreground; {@code scripts/lab up} starts it in the background. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
		description = "Run the lab: every workload of an overlay as a local process, a sidecar per workload and an ingress gateway, until POST /shutdown or a signal.")
public final class LabDaemonCommand implements Callable<Integer> {

	@Mixin
	LabLocation location;

	@Mixin
	LabRunOptions run;

	@Option(names = "--overlay", paramLabel = "DIR", defaultValue = "${env:GRAYCHAIN_OVERLAY:-k8s/overlays/v2}",
			description = "the kustomization to run, relative to --repo [GRAYCHAIN_OVERLAY, default: ${DEFAULT-VALUE}]")
	String overlay;

	@Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "${env:GRAYCHAIN_ADMIN_PORT:-0}",
			description = "the admin endpoint's port on 127.0.0.1 [GRAYCHAIN_ADMIN_PORT, default: any free port, written to <lab-state>/admin.port]")
	int adminPort;

	@Option(names = "--jars-dir", paramLabel = "DIR", defaultValue = "${env:GRAYCHAIN_JARS_DIR}",
			description = "one folder holding every service's runnable jar, instead of the build folders [GRAYCHAIN_JARS_DIR]")
	String jarsDir;

	@Override
	public Integer call() throws InterruptedException {
		return LabDaemon.run(options());
	}

	LabOptions options() {
		Path root = location.repo();
		Path overlayDir = root.resolve(overlay).normalize();
		if (!Files.isDirectory(overlayDir)) {
			throw new IllegalArgumentException("no overlay folder " + overlayDir);
		}
		return new LabOptions(root, overlayDir, location.labState(), run.labPort(), adminPort,
				new JarLocator(root, run.buildDir(), jarsDir == null ? null : root.resolve(jarsDir).normalize()), run.jvmFlags(),
				Duration.ofSeconds(run.readyTimeout()), run.restartBackoff(), run.gatewayApiPort(), run.startConcurrency(),
				run.classArchive());
	}

}
