package io.graychain.meshlab.canary;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A PromQL label matcher: {@code =}, {@code !=}, {@code =~} or {@code !~}. Regular expressions are RE2
 * and match the whole value, as PromQL anchors them; a missing label reads as the empty string.
 *
 * @param label the label name
 * @param op the operator
 * @param value the value or regular expression
 */
public record LabelMatcher(String label, Op op, String value) {

	public enum Op {

		EQUAL("="), NOT_EQUAL("!="), MATCHES("=~"), NOT_MATCHES("!~");

		private final String symbol;

		Op(String symbol) {
			this.symbol = symbol;
		}

	}

	public LabelMatcher {
		if (op == Op.MATCHES || op == Op.NOT_MATCHES) {
			try {
				Pattern.compile(value);
			}
			catch (PatternSyntaxException ex) {
				throw new CanaryException("label " + label + ": not a regular expression: " + value);
			}
		}
	}

	public static LabelMatcher equal(String label, String value) {
		return new LabelMatcher(label, Op.EQUAL, value);
	}

	public static LabelMatcher matches(String label, String regex) {
		return new LabelMatcher(label, Op.MATCHES, regex);
	}

	public static LabelMatcher notMatches(String label, String regex) {
		return new LabelMatcher(label, Op.NOT_MATCHES, regex);
	}

	public boolean matches(Sample sample) {
		String actual = sample.label(label);
		return switch (op) {
			case EQUAL -> actual.equals(value);
			case NOT_EQUAL -> !actual.equals(value);
			case MATCHES -> anchored().matches(actual);
			case NOT_MATCHES -> !anchored().matches(actual);
		};
	}

	private Pattern anchored() {
		return Pattern.compile("^(?:" + value + ")$");
	}

	/** The matcher as PromQL writes it, e.g. {@code response_code!~"5.*"}. */
	@Override
	public String toString() {
		return label + op.symbol + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
