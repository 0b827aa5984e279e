package io.graychain.meshlab.lab.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.graychain.meshlab.kubectl.Kubectl;

/**
 * What a cluster tells kubectl about graychain: the URL of its Istio ingress gateway, and the
 * services that run a v2 (the lanes a chain must not cross).
 *
 * @param kubectl the kubectl to ask
 * @param options the namespaces and the gateway's Service
 */
public record ClusterGateway(Kubectl kubectl, ClusterOptions options) {

	private static final Duration WITHIN = Duration.ofSeconds(60);

	/**
	 * The gateway's LoadBalancer address (ip, else hostname) with its {@code http2} port (80 when no
	 * port has that name), else the {@code http2} nodePort on the first node's first InternalIP.
	 */
	public String url() {
		String service = options.ingressNamespace() + "/" + options.ingressService();
		Kubectl.Run read = run(List.of("-n", options.ingressNamespace(), "get", "svc", options.ingressService(), "-o",
				"jsonpath={.status.loadBalancer.ingress[0].ip}|{.status.loadBalancer.ingress[0].hostname}"
						+ "|{.spec.ports[?(@.name==\"http2\")].port}|{.spec.ports[?(@.name==\"http2\")].nodePort}"),
				"cannot read the ingress gateway's Service " + service + "; if the gateway is another Service, set"
						+ " --ingress-namespace and --ingress-service (GRAYCHAIN_INGRESS_NAMESPACE, GRAYCHAIN_INGRESS_SERVICE),"
						+ " or give the URL (--url)");
		String[] fields = (read.out().strip() + "|||").split("\\|", -1);
		String ip = fields[0];
		String hostname = fields[1];
		String port = fields[2];
		String nodePort = fields[3];
		if (!ip.isEmpty() || !hostname.isEmpty()) {
			return "http://" + urlHost(ip.isEmpty() ? hostname : ip) + ":" + (port.isEmpty() ? "80" : port);
		}
		if (nodePort.isEmpty()) {
			throw new IllegalStateException("no address for " + service + ": no LoadBalancer address and no http2 nodePort;"
					+ " give the URL (--url), e.g. after kubectl port-forward");
		}
		Kubectl.Run nodes = run(List.of("get", "nodes", "-o", "jsonpath={.items[0].status.addresses[?(@.type==\"InternalIP\")].address}"),
				"cannot read the nodes' addresses for " + service + "'s nodePort " + nodePort + "; give the URL (--url)");
		String addresses = nodes.out().strip();
		if (addresses.isEmpty()) {
			throw new IllegalStateException("no node InternalIP for " + service + "'s nodePort " + nodePort
					+ "; give the URL (--url), e.g. after kubectl port-forward");
		}
		// a dual-stack node has two InternalIPs, e.g. "172.18.0.2 fc00::2": the first is its primary
		return "http://" + urlHost(addresses.split("\\s+")[0]) + ":" + nodePort;
	}

	/** The services (their {@code app} label) with a Deployment labelled {@code version=v2} in the namespace. */
	public Set<String> lanes() {
		Kubectl.Run read = run(List.of("-n", options.namespace(), "get", "deploy", "-l", "version=v2", "-o",
				"jsonpath={range .items[*]}{.metadata.labels.app}{\"\\n\"}{end}"),
				"cannot read the Deployments of namespace " + options.namespace() + "; give the lanes (--lanes)");
		return new TreeSet<>(read.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
	}

	private Kubectl.Run run(List<String> args, String failure) {
		Kubectl.Run run = kubectl.run(args, WITHIN);
		if (run.exit() != 0) {
			String why = run.timedOut() ? "kubectl did not answer within " + WITHIN.toSeconds() + " s" : run.err();
			throw new IllegalStateException(failure + (why.isEmpty() ? "" : ": " + why));
		}
		return run;
	}

	/** A host for a URL: an IPv6 address goes in brackets. */
	static String urlHost(String host) {
		return host.contains(":") ? "[" + host + "]" : host;
	}

}
