package io.graychain.meshlab.lab.verify;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.graychain.meshlab.canary.LabelMatcher;
import io.graychain.meshlab.canary.Sample;
import io.graychain.meshlab.canary.Scrape;
import io.graychain.meshlab.lab.client.LabClient;
import io.graychain.meshlab.lab.client.OneShotHttp;

/**
 * {@link ServedCounts} of the lab's pods: each pod of a version scraped at its own
 * {@code /actuator/prometheus} (on its loopback port, not through a sidecar, as Prometheus scrapes a
 * pod), the requests of {@code http_server_requests_seconds_count} summed over its URIs, the
 * actuator's own ({@code /actuator/...}, the lab's readiness probes) left out.
 */
public final class PodMetrics implements ServedCounts {

	/** Micrometer's request counter as its Prometheus registry names it. */
	static final String REQUESTS = "http_server_requests_seconds_count";

	private final Supplier<List<LabClient.Pod>> pods;

	private final Duration timeout;

	public PodMetrics(Supplier<List<LabClient.Pod>> pods, Duration timeout) {
		this.pods = pods;
		this.timeout = timeout;
	}

	@Override
	public long served(String app, String version) {
		long total = 0;
		for (LabClient.Pod pod : pods.get()) {
			if (pod.app().equals(app) && pod.version().equals(version)) {
				total += served(pod, app, version);
			}
		}
		return total;
	}

	private long served(LabClient.Pod pod, String app, String version) {
		OneShotHttp.Reply reply = OneShotHttp.get(new InetSocketAddress("127.0.0.1", pod.port()), "/actuator/prometheus",
				"127.0.0.1:" + pod.port(), Map.of(), timeout);
		if (reply.status() != 200) {
			throw new IllegalStateException("pod " + pod.name() + " answered /actuator/prometheus with " + reply.status());
		}
		return count(Scrape.parse(reply.body(), "pod " + pod.name()), app, version);
	}

	/** The requests of {@code app:version} that {@code scrape} counted, the actuator's own left out. */
	static long count(Scrape scrape, String app, String version) {
		double sum = scrape.select(REQUESTS, List.of(LabelMatcher.equal("app", app), LabelMatcher.equal("version", version)))
			.stream().filter(s -> !s.label("uri").startsWith("/actuator")).mapToDouble(Sample::value).sum();
		return Math.round(sum);
	}

}
