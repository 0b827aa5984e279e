package io.graychain.meshlab.chain;

/**
 * One service in a chain and what answered there.
 *
 * @param service the Service name
 * @param version the version that answered, or an error such as {@code 503} or {@code 404}
 */
public record Hop(String service, String version) {

	@Override
	public String toString() {
		return service + ":" + version;
	}

}
