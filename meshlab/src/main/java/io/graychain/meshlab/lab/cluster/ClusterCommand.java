package io.graychain.meshlab.lab.cluster;

import io.graychain.meshlab.cli.NeedsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cluster url} and {@code cluster lanes}: what kubectl tells about graychain on a cluster. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
		description = "Ask kubectl ($KUBECTL, else kubectl on the PATH) about graychain on a cluster.")
public final class ClusterCommand extends NeedsCommand {

	@Command(name = "url", mixinStandardHelpOptions = true,
			description = "Print the URL of the cluster's Istio ingress gateway: its LoadBalancer address, else a node's InternalIP and the Service's http2 nodePort.")
	void url(@Mixin ClusterOptions options) {
		System.out.println(options.gateway(System.getenv()).url());
	}

	@Command(name = "lanes", mixinStandardHelpOptions = true,
			description = "Print the services that run a v2 in the namespace, one a line.")
	void lanes(@Mixin ClusterOptions options) {
		options.gateway(System.getenv()).lanes().forEach(System.out::println);
	}

}
