package io.graychain.meshlab.canary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Scrapes an endpoint as {@link MetricsEndpoint} does and keeps every answer as it came, in
 * {@code dir}: {@link ScrapeMetrics} scrapes twice a step, so the files are {@code step-1-start.prom},
 * {@code step-1-end.prom}, {@code step-2-start.prom}, ... ({@code canary --record-scrapes DIR}: what a
 * verdict was made on, and the recorded fixtures of the canary's tests).
 */
final class RecordedScrapes implements Supplier<Scrape> {

	private final MetricsEndpoint endpoint;

	private final Path dir;

	private int taken;

	RecordedScrapes(MetricsEndpoint endpoint, Path dir) {
		this.endpoint = endpoint;
		this.dir = dir;
	}

	@Override
	public synchronized Scrape get() {
		String text = endpoint.text();
		Path file = dir.resolve("step-" + (taken / 2 + 1) + (taken % 2 == 0 ? "-start" : "-end") + ".prom");
		try {
			Files.createDirectories(dir);
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new CanaryException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
		taken++;
		return Scrape.parse(text, endpoint.url().toString());
	}

}
