package io.graychain.meshlab.lab.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.graychain.meshlab.lab.cluster.ClusterGateway;
import io.graychain.meshlab.lab.cluster.ClusterOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where requests go, as {@code loop} and {@code verify} take it (a picocli mixin): the running lab
 * (default), an ingress gateway's URL, or a cluster whose gateway and lanes kubectl finds.
 */
public final class TargetOptions {

	@Option(names = "--url", paramLabel = "URL", defaultValue = "${env:GRAYCHAIN_URL:-}",
			description = "an ingress gateway URL instead of the lab, e.g. http://127.0.0.1:8080 [GRAYCHAIN_URL]")
	String url;

	@Option(names = "--cluster", defaultValue = "${env:GRAYCHAIN_CLUSTER:-false}", fallbackValue = "true",
			description = "a cluster: its ingress gateway found with kubectl (unless --url gives it, e.g. after kubectl"
					+ " port-forward), and its lanes [GRAYCHAIN_CLUSTER=true]")
	boolean cluster;

	@Option(names = "--lanes", paramLabel = "a,b", defaultValue = "${env:GRAYCHAIN_LANES:-}",
			description = "services that run two versions, to tell crossed chains [GRAYCHAIN_LANES, default: from the lab;"
					+ " from kubectl with --cluster; with --url alone none (loop) or --overlay's (verify)]")
	String lanes;

	@Option(names = "--request-timeout", paramLabel = "SECS", defaultValue = "${env:GRAYCHAIN_REQUEST_TIMEOUT:-10}",
			description = "connect and read timeout of each request [GRAYCHAIN_REQUEST_TIMEOUT, default: ${DEFAULT-VALUE}]")
	int requestTimeout;

	@Mixin
	LabLocation location;

	@Mixin
	ClusterOptions clusterOptions;

	/** Where requests go, and the services whose versions a chain must not cross. */
	public record Target(Sender sender, Set<String> lanes) {
	}

	public boolean cluster() {
		return cluster;
	}

	/** True when the target is the local lab (neither {@code --cluster} nor {@code --url}). */
	public boolean lab() {
		return !cluster && url.isBlank();
	}

	public Duration timeout() {
		return Duration.ofSeconds(requestTimeout);
	}

	public LabLocation location() {
		return location;
	}

	public ClusterOptions clusterOptions() {
		return clusterOptions;
	}

	/**
	 * The target: the lab's ingress and sidecars with its lanes; or the URL (kubectl's gateway with
	 * {@code --cluster}), sending in-mesh requests with {@code pods}, with kubectl's lanes on a
	 * cluster, else {@code urlLanes}. {@code --lanes} overrides the lanes found.
	 */
	public Target target(PodSender pods, Supplier<Set<String>> urlLanes) {
		if (cluster || !url.isBlank()) {
			ClusterGateway gateway = cluster ? clusterOptions.gateway(System.getenv()) : null;
			Sender sender = new Sender(URI.create(url.isBlank() ? gateway.url() : url), Map.of(), timeout(), pods);
			return new Target(sender, !lanes.isBlank() ? LabClient.lanes(lanes) : gateway != null ? gateway.lanes() : urlLanes.get());
		}
		LabClient lab = location.client();
		return new Target(new Sender(URI.create(lab.ingressUrl()), lab.sidecars(), timeout()),
				lanes.isBlank() ? lab.lanes() : LabClient.lanes(lanes));
	}

}
