package io.graychain.meshlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The DestinationRule fixtures of src/test/resources/traffic-policy. */
public final class TrafficPolicies {

	private TrafficPolicies() {
	}

	/** The YAML of {@code traffic-policy/<name>}. */
	public static String file(String name) {
		try (InputStream in = TrafficPolicies.class.getResourceAsStream("/traffic-policy/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture traffic-policy/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
