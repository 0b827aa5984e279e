package io.graychain.meshlab.mesh;

import java.util.Locale;

/** Kubernetes and Istio host name rules: short names, FQDNs, wildcards. */
public final class HostNames {

	private static final String CLUSTER_SUFFIX = ".svc.cluster.local";

	private HostNames() {
	}

	public static String fqdn(String service, String namespace) {
		return service + "." + namespace + CLUSTER_SUFFIX;
	}

	/**
	 * A host as Istio reads it in a rule of {@code namespace}: a short name ({@code appa}) or a
	 * partly qualified one ({@code appa.graychain}, {@code appa.graychain.svc}) becomes the Service
	 * FQDN; anything else (e.g. {@code appa.graychain.local}, {@code *}) stays as written. A port
	 * suffix is dropped; the result is lower case.
	 */
	public static String qualify(String host, String namespace) {
		String h = normalize(host);
		if (h.startsWith("*") || h.endsWith(CLUSTER_SUFFIX)) {
			return h;
		}
		String[] parts = h.split("\\.");
		if (parts.length == 1) {
			return fqdn(h, namespace);
		}
		if (parts.length == 2 || (parts.length == 3 && parts[2].equals("svc"))) {
			return fqdn(parts[0], parts[1]);
		}
		return h;
	}

	/**
	 * A host written in a rule (VirtualService hosts, destination hosts, DestinationRule host) as
	 * Istio resolves it: a name without a dot gets the rule's namespace and the cluster domain,
	 * anything else ({@code *}, {@code *.example.com}, {@code appa.graychain.local}, even
	 * {@code appb.graychain}) stays as written, lower case. istio/istio
	 * pilot/pkg/model/virtualservice.go ResolveVirtualServiceShortnames, ResolveShortnameToFQDN.
	 */
	public static String ruleHost(String host, String namespace) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.isEmpty() || h.equals("*") || h.contains(".") ? h : fqdn(h, namespace);
	}

	/** A Host header as proxies compare it: lower case, without a port. */
	public static String normalize(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		int colon = h.lastIndexOf(':');
		if (colon > 0 && h.substring(colon + 1).chars().allMatch(Character::isDigit)) {
			h = h.substring(0, colon);
		}
		return h;
	}

	/** True when a (qualified) rule host, possibly a wildcard like {@code *.example.com} or {@code *}, covers {@code host}. */
	public static boolean covers(String ruleHost, String host) {
		if (ruleHost.equals("*")) {
			return true;
		}
		if (ruleHost.startsWith("*.")) {
			return host.endsWith(ruleHost.substring(1));
		}
		return ruleHost.equals(host);
	}

}
