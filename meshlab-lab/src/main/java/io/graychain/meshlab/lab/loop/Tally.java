package io.graychain.meshlab.lab.loop;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.graychain.meshlab.lab.client.ChainLine;

/**
 * How many requests each version chain answered, with shares and bars; crossed chains marked.
 * Thread-safe: the loop counts while a shutdown hook may print.
 */
public final class Tally {

	private static final int BAR_WIDTH = 40;

	private final Map<String, Integer> counts = new LinkedHashMap<>();

	private final Set<String> lanes;

	private final long startNanos = System.nanoTime();

	private int total;

	private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

	public Tally(Set<String> lanes) {
		this.lanes = Set.copyOf(lanes);
	}

	public synchronized void count(ChainLine chain) {
		counts.merge(chain.text(), 1, Integer::sum);
		total++;
	}

	/** Counts one reply: its chain and its HTTP status (0: no reply). */
	public synchronized void count(ChainLine chain, int status) {
		count(chain);
		statuses.merge(status, 1, Integer::sum);
	}

	/** How many replies had each status, by status. */
	public synchronized Map<Integer, Integer> statuses() {
		return Map.copyOf(statuses);
	}

	public synchronized int total() {
		return total;
	}

	/** Requests that took a crossed chain. */
	public synchronized int crossed() {
		return counts.entrySet().stream().filter(e -> new ChainLine(e.getKey()).crossed(lanes)).mapToInt(Map.Entry::getValue).sum();
	}

	/** Requests that got no complete chain (a failed hop, an error status, no reply). */
	public synchronized int failed() {
		return counts.entrySet().stream().filter(e -> !new ChainLine(e.getKey()).complete()).mapToInt(Map.Entry::getValue).sum();
	}

	/** One line per chain, most frequent first: count, share, bar, and a mark on crossed or failed chains. */
	public synchronized String render(boolean unicode) {
		double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
		StringBuilder out = new StringBuilder(String.format("%d requests in %.1f s (%.0f/s), %d crossed, %d failed%n", total,
				seconds, total / seconds, crossed(), failed()));
		if (!statuses.isEmpty()) {
			out.append("  statuses:");
			statuses.forEach((status, n) -> out.append(' ').append(status == 0 ? "no reply" : status).append(" x").append(n));
			out.append(System.lineSeparator());
		}
		int width = counts.keySet().stream().mapToInt(String::length).max().orElse(10);
		counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
			.forEach(e -> {
				double share = (double) e.getValue() / Math.max(1, total);
				ChainLine chain = new ChainLine(e.getKey());
				String mark = chain.crossed(lanes) ? "  CROSSED" : chain.complete() ? "" : "  FAILED";
				out.append(String.format("  %-" + width + "s %7d %6.1f%%  %s%s%n", e.getKey(), e.getValue(), 100 * share,
						bar(share, unicode), mark));
			});
		return out.toString();
	}

	static String bar(double share, boolean unicode) {
		int eighths = (int) Math.round(share * BAR_WIDTH * 8);
		if (!unicode) {
			return "#".repeat(eighths / 8);
		}
		String partial = eighths % 8 == 0 ? "" : String.valueOf((char) ('\u2590' - eighths % 8));
		return "\u2588".repeat(eighths / 8) + partial;
	}

}
