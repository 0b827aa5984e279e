package io.graychain.meshlab.lab.cluster;

import java.util.Map;

import io.graychain.meshlab.kubectl.Kubectl;
import picocli.CommandLine.Option;

/** Where graychain runs on a cluster, as every command that asks kubectl takes it (a picocli mixin). */
public final class ClusterOptions {

	@Option(names = "--namespace", paramLabel = "NS", defaultValue = "${env:GRAYCHAIN_NAMESPACE:-graychain}",
			description = "the namespace of graychain's workloads and rules [GRAYCHAIN_NAMESPACE, default: ${DEFAULT-VALUE}]")
	String namespace;

	@Option(names = "--ingress-namespace", paramLabel = "NS", defaultValue = "${env:GRAYCHAIN_INGRESS_NAMESPACE:-istio-system}",
			description = "the namespace of the Istio ingress gateway's Service [GRAYCHAIN_INGRESS_NAMESPACE, default: ${DEFAULT-VALUE}]")
	String ingressNamespace;

	@Option(names = "--ingress-service", paramLabel = "NAME", defaultValue = "${env:GRAYCHAIN_INGRESS_SERVICE:-istio-ingressgateway}",
			description = "the Istio ingress gateway's Service [GRAYCHAIN_INGRESS_SERVICE, default: ${DEFAULT-VALUE}]")
	String ingressService;

	public String namespace() {
		return namespace;
	}

	public String ingressNamespace() {
		return ingressNamespace;
	}

	public String ingressService() {
		return ingressService;
	}

	/** The gateway and lanes as kubectl ({@code $KUBECTL}, else on the PATH) finds them. */
	public ClusterGateway gateway(Map<String, String> env) {
		Kubectl kubectl = Kubectl.find(env).orElseThrow(() -> new IllegalStateException(
				env.getOrDefault(Kubectl.ENV, "kubectl") + " is required to find the cluster's ingress gateway and lanes;"
						+ " set KUBECTL to it, or give --url and --lanes"));
		return new ClusterGateway(kubectl, this);
	}

}
