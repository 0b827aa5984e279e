package io.graychain.meshlab.canary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The canary fixtures of src/test/resources/canary. */
final class Fixtures {

	private Fixtures() {
	}

	/** Scrape {@code n} of the series {@code name} (healthy, failing, slow). */
	static Scrape scrape(String name, int n) {
		String path = "canary/" + name + "/scrape-" + n + ".prom";
		return Scrape.parse(text(path), path);
	}

	static String text(String path) {
		try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no test resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read test resource " + path, ex);
		}
	}

}
