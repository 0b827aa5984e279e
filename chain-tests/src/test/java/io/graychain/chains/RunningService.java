package io.graychain.chains;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.graychain.meshlab.lab.daemon.LabOptions;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.meshlab.lab.pods.PodFailure;
import io.graychain.meshlab.lab.pods.PodProcess;
import io.graychain.meshlab.lab.pods.PodSpec;

/**
 * One service started from its runnable jar as its own process on a loopback port, the way the
 * local lab starts a pod ({@link PodProcess}), but without a sidecar: the test wires downstream
 * URLs directly. Start-up waits on the readiness group, bounded; a service that does not get
 * ready fails with its log tail.
 */
final class RunningService implements AutoCloseable {

	private static final Duration READY_WITHIN = Duration.ofSeconds(90);

	private static final String READINESS = "/actuator/health/readiness";

	private final PodProcess pod;

	private RunningService(PodProcess pod) {
		this.pod = pod;
	}

	/** Starts {@code service} as pod {@code <service>-<version>} and waits until it is ready. */
	static RunningService start(String service, String version, Map<String, String> properties) {
		RunningService running = launch(service, version, properties);
		running.awaitReady();
		return running;
	}

	/**
	 * Launches {@code service} as pod {@code <service>-<version>}, with extra Spring properties (as
	 * environment variables, like a Deployment sets them), without waiting: start several, then
	 * {@link #awaitReady()} each, so they boot in parallel.
	 */
	static RunningService launch(String service, String version, Map<String, String> properties) {
		return launch(service, version, properties, Map.of());
	}

	/** As {@link #launch(String, String, Map)}, with environment variables set as they are named. */
	static RunningService launch(String service, String version, Map<String, String> properties,
			Map<String, String> environment) {
		String pod = service + "-" + version;
		Map<String, String> env = new HashMap<>(Map.of("VERSION", version, "POD_NAME", pod, "POD_NAMESPACE", "chain-test"));
		properties.forEach((key, value) -> env.put(environmentName(key), value));
		env.putAll(environment);
		int port = FreePort.find();
		PodSpec spec = new PodSpec(pod, pod, service, Map.of("app", service, "version", version), env, port, READINESS);
		Path jar = Path.of(System.getProperty("graychain.services.dir"), service + ".jar");
		Path logs = Path.of(System.getProperty("graychain.logs.dir"));
		return new RunningService(PodProcess.start(spec, jar, port, logs, LabOptions.DEFAULT_JVM_FLAGS));
	}

	/** {@code spring.cloud.openfeign.client.config.appb.url} as Spring reads it from the environment. */
	private static String environmentName(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

	String url() {
		return pod.url();
	}

	void awaitReady() {
		try {
			pod.awaitReady(READY_WITHIN);
		}
		catch (PodFailure ex) {
			close();
			throw new IllegalStateException(ex.getMessage() + "; log tail:\n" + ex.logTail(), ex);
		}
	}

	@Override
	public void close() {
		pod.stop(Duration.ofSeconds(20));
	}

}
