package io.graychain.meshlab.canary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The samples of one scrape of a metrics endpoint, in Prometheus' text exposition format. */
public final class Scrape {

	private final List<Sample> samples;

	private final Map<SeriesKey, Sample> bySeries = new HashMap<>();

	public Scrape(List<Sample> samples) {
		this.samples = List.copyOf(samples);
		this.samples.forEach(s -> bySeries.putIfAbsent(new SeriesKey(s.name(), s.labels()), s));
	}

	/** Reads a text exposition; {@code source} names it in errors. */
	public static Scrape parse(String text, String source) {
		return new Scrape(ExpositionParser.parse(text, source));
	}

	public List<Sample> samples() {
		return samples;
	}

	/** The samples of metric {@code name} that every matcher accepts. */
	public List<Sample> select(String name, List<LabelMatcher> matchers) {
		return samples.stream()
			.filter(s -> s.name().equals(name))
			.filter(s -> matchers.stream().allMatch(m -> m.matches(s)))
			.toList();
	}

	/** The sample of the same series as {@code sample} (same name and labels), if this scrape has it. */
	public Optional<Sample> find(Sample sample) {
		return Optional.ofNullable(bySeries.get(new SeriesKey(sample.name(), sample.labels())));
	}

	private record SeriesKey(String name, Map<String, String> labels) {
	}

}
