package io.graychain.meshlab.lab.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code kubectl exec} that runs the mesh probe ({@code io.graychain.support.probe.MeshProbe},
 * in every service image) in the app container of a workload's pod:
 *
 * <pre>{@code
 * kubectl exec -n graychain deploy/product-v1 -c app -- java -Xmx16m ... -cp @/app/jib-classpath-file \
 *     io.graychain.support.probe.MeshProbe --count 20 --connect-timeout 10000 --read-timeout 10000 \
 *     --deadline 60 http://appa:8000/
 * }</pre>
 *
 * The app container, not {@code istio-proxy}: Envoy's own traffic (uid 1337) bypasses the sidecar, the
 * app's does not. The classpath is the one the image's own entrypoint uses (Jib writes it to
 * {@code /app/jib-classpath-file}). The JVM flags keep the probe small (about 40 MiB resident) beside
 * the app, within the pod's memory limit. The probe's deadline ({@link #deadline(int)}) bounds a batch
 * in the pod itself: stopping {@code kubectl exec} does not stop the probe it started there.
 *
 * @param namespace the namespace of the workloads
 * @param timeout connect and read timeout of each request
 */
public record ProbeCommand(String namespace, Duration timeout) {

	/** The namespace k8s/components/target deploys to. */
	public static final String DEFAULT_NAMESPACE = "graychain";

	/** The app container of every graychain Deployment (k8s/base/pod-defaults.yaml). */
	public static final String CONTAINER = "app";

	/** The classpath of the image's entrypoint, as a Java argument file Jib writes into every image. */
	public static final String IMAGE_CLASSPATH = "@/app/jib-classpath-file";

	public static final String MAIN_CLASS = "io.graychain.support.probe.MeshProbe";

	public static final List<String> JVM_FLAGS = List.of("-Xmx16m", "-Xms4m", "-Xss256k", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

	/** The longest a probe may send for: a batch of many requests that get no reply ends after this. */
	public static final Duration MAX_DEADLINE = Duration.ofSeconds(60);

	/** kubectl's arguments to send {@code count} GETs of {@code http://<host><pathAndQuery>} from {@code workload}. */
	public List<String> args(String workload, String host, String pathAndQuery, Map<String, String> headers, int count) {
		List<String> args = new ArrayList<>(List.of("exec", "-n", namespace, "deploy/" + workload, "-c", CONTAINER, "--",
				"java"));
		args.addAll(JVM_FLAGS);
		args.addAll(List.of("-cp", IMAGE_CLASSPATH, MAIN_CLASS, "--count", String.valueOf(count), "--connect-timeout",
				String.valueOf(timeout.toMillis()), "--read-timeout", String.valueOf(timeout.toMillis()), "--deadline",
				String.valueOf(deadline(count).toSeconds())));
		headers.forEach((name, value) -> args.addAll(List.of("--header", name + ": " + value)));
		args.add("http://" + host + pathAndQuery);
		return args;
	}

	/** The longest one request can take the probe: its connect and read timeouts. */
	public Duration perRequest() {
		return timeout.multipliedBy(2);
	}

	/**
	 * How long the probe may send {@code count} requests, from its start: each request's
	 * {@link #perRequest()}, but at most {@link #MAX_DEADLINE}; in whole seconds, at least one.
	 */
	public Duration deadline(int count) {
		Duration all = perRequest().multipliedBy(count);
		Duration bounded = all.compareTo(MAX_DEADLINE) < 0 ? all : MAX_DEADLINE;
		return Duration.ofSeconds(Math.max(1, (bounded.toMillis() + 999) / 1000));
	}

	/** The exec, readable, e.g. {@code kubectl exec -n graychain deploy/product-v1 -c app}. */
	public String describe(String workload) {
		return "kubectl exec -n " + namespace + " deploy/" + workload + " -c " + CONTAINER;
	}

}
