package io.graychain.support.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this hop is, from the environment Kubernetes gives a pod: the service name, the version
 * (the pod's own {@code version} label through the downward API), pod, namespace, and region and
 * zone where they are set. Blank values count as unknown.
 */
@ConfigurationProperties("graychain.identity")
public record Identity(String service, String version, String pod, String namespace, String region, String zone) {

	public Identity {
		service = blankToNull(service);
		version = blankToNull(version);
		pod = blankToNull(pod);
		namespace = blankToNull(namespace);
		region = blankToNull(region);
		zone = blankToNull(zone);
	}

	/** This hop as it stands in a version chain, e.g. {@code appa:v2}. */
	public String hop() {
		return service + ":" + version;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
