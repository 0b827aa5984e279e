package io.graychain.meshlab.canary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Prometheus' text exposition format (version 0.0.4): {@code # HELP}, {@code # TYPE} and other
 * comment lines are skipped; a sample line is {@code name{label="value",...} value [timestamp]}, with
 * the label value escapes {@code \\}, {@code \"} and {@code \n}, and values as Go's ParseFloat reads
 * them ({@code NaN}, {@code +Inf}, {@code -Inf}, {@code 1e3}). A line it cannot read fails with its
 * number and column.
 */
final class ExpositionParser {

	private final String line;

	private final String where;

	private int at;

	private ExpositionParser(String line, String where) {
		this.line = line;
		this.where = where;
	}

	static List<Sample> parse(String text, String source) {
		List<Sample> samples = new ArrayList<>();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (!line.isEmpty() && !line.startsWith("#")) {
				samples.add(new ExpositionParser(line, source + " line " + (i + 1)).sample());
			}
		}
		return samples;
	}

	private Sample sample() {
		String name = name();
		Map<String, String> labels = new LinkedHashMap<>();
		boolean blank = skipBlanks();
		if (peek() == '{') {
			at++;
			labels(labels);
			blank = skipBlanks();
		}
		if (!blank) {
			throw fail("a blank before the value");
		}
		double value = parseFloat(token(), "a value");
		if (skipBlanks() && at < line.length()) {
			String timestamp = token();
			if (!timestamp.matches("-?[0-9]+")) {
				throw fail("a timestamp in milliseconds");
			}
			skipBlanks();
		}
		if (at < line.length()) {
			throw fail("the end of the line");
		}
		return new Sample(name, labels, value);
	}

	private void labels(Map<String, String> labels) {
		skipBlanks();
		while (peek() != '}') {
			String label = name();
			skipBlanks();
			expect('=');
			skipBlanks();
			String value = quoted();
			if (labels.put(label, value) != null) {
				throw new CanaryException(where + ": label " + label + " appears twice");
			}
			skipBlanks();
			if (peek() == ',') {
				at++;
				skipBlanks();
			}
			else if (peek() != '}') {
				throw fail("',' or '}'");
			}
		}
		at++;
	}

	private String quoted() {
		expect('"');
		StringBuilder value = new StringBuilder();
		while (at < line.length() && line.charAt(at) != '"') {
			char c = line.charAt(at++);
			if (c == '\\' && at < line.length()) {
				char escaped = line.charAt(at++);
				value.append(switch (escaped) {
					case 'n' -> '\n';
					case '\\', '"' -> escaped;
					default -> throw fail("an escape \\\\, \\\" or \\n");
				});
			}
			else {
				value.append(c);
			}
		}
		expect('"');
		return value.toString();
	}

	private String name() {
		int start = at;
		while (at < line.length() && isNameChar(line.charAt(at), at == start)) {
			at++;
		}
		if (at == start) {
			throw fail("a name");
		}
		return line.substring(start, at);
	}

	private String token() {
		int start = at;
		while (at < line.length() && !Character.isWhitespace(line.charAt(at))) {
			at++;
		}
		return line.substring(start, at);
	}

	/** Skips blanks; true when there was at least one. */
	private boolean skipBlanks() {
		int start = at;
		while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
			at++;
		}
		return at > start;
	}

	private void expect(char c) {
		if (peek() != c) {
			throw fail("'" + c + "'");
		}
		at++;
	}

	private char peek() {
		return at < line.length() ? line.charAt(at) : '\0';
	}

	private double parseFloat(String text, String what) {
		Double value = Floats.parse(text);
		if (value == null) {
			throw new CanaryException(where + ": expected " + what + ", not '" + text + "'");
		}
		return value;
	}

	private static boolean isNameChar(char c, boolean first) {
		return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
	}

	private CanaryException fail(String expected) {
		return new CanaryException(where + ": expected " + expected + " at column " + (at + 1));
	}

}
