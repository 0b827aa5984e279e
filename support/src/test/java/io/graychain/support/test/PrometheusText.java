package io.graychain.support.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads samples out of a Prometheus text exposition ({@code /actuator/prometheus}): the value of
 * the series of a metric whose labels include the given ones.
 */
public final class PrometheusText {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\} (\\S+)$",
			Pattern.MULTILINE);

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private PrometheusText() {
	}

	/** The value of the one series of {@code metric} with all of {@code labels}, or 0 when there is none. */
	public static double value(String exposition, String metric, Map<String, String> labels) {
		Double found = null;
		Matcher sample = SAMPLE.matcher(exposition);
		while (sample.find()) {
			if (sample.group(1).equals(metric) && labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
				if (found != null) {
					throw new IllegalArgumentException("more than one series of " + metric + " has " + labels);
				}
				found = Double.parseDouble(sample.group(3));
			}
		}
		return (found != null) ? found : 0;
	}

	/** The labels of every series of {@code metric}, one map per series. */
	public static List<Map<String, String>> series(String exposition, String metric) {
		List<Map<String, String>> all = new ArrayList<>();
		Matcher sample = SAMPLE.matcher(exposition);
		while (sample.find()) {
			if (sample.group(1).equals(metric)) {
				all.add(labels(sample.group(2)));
			}
		}
		return all;
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		Matcher label = LABEL.matcher(text);
		while (label.find()) {
			labels.put(label.group(1), label.group(2));
		}
		return labels;
	}

}
