package io.graychain.meshlab.canary;

import java.util.function.Supplier;

/**
 * The canary's figures from scrapes of an endpoint that serves Istio's standard metrics (the lab's):
 * one scrape when an interval starts, one when it ends, analysed by {@link IntervalAnalysis}.
 */
public final class ScrapeMetrics implements CanaryMetrics {

	private final Supplier<Scrape> scraper;

	private final CanarySeries canary;

	/**
	 * @param scraper reads the metrics endpoint once; fails with a {@link CanaryException} when it does not answer
	 * @param canary which series are the canary's
	 */
	public ScrapeMetrics(Supplier<Scrape> scraper, CanarySeries canary) {
		this.scraper = scraper;
		this.canary = canary;
	}

	@Override
	public Measurement start() {
		Scrape start = scraper.get();
		return () -> IntervalAnalysis.analyse(start, scraper.get(), canary);
	}

}
