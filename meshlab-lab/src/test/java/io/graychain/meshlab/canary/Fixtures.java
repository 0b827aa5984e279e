package io.graychain.meshlab.canary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The canary fixtures of src/test/resources/canary. */
final class Fixtures {

	private Fixtures() {
	}

	/** Scrape {@code n} of the series {@code name} (healthy, failing, slow). */
	static Scrape scrape(String name, int n) {
		String path = "canary/" + name + "/scrape-" + n + ".prom";
		return Scrape.parse(text(path), path);
	}

	/**
	 * The scrapes of the lab's metrics {@code canary --record-scrapes} kept in {@code canary/lab-<name>/}, in
	 * the order the run took them: step 1's start and end, step 2's start and end, ...
	 */
	static Supplier<Scrape> recorded(String name) {
		AtomicInteger taken = new AtomicInteger();
		return () -> recorded(name, taken.get() / 2 + 1, taken.getAndIncrement() % 2 == 0 ? "start" : "end");
	}

	/** The recorded scrape of {@code canary/lab-<name>/step-<step>-<when>.prom}. */
	static Scrape recorded(String name, int step, String when) {
		String path = "canary/lab-" + name + "/step-" + step + "-" + when + ".prom";
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
