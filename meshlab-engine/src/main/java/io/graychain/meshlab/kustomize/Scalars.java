package io.graychain.meshlab.kustomize;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What an unquoted YAML scalar means, as kustomize (Go's yaml.v3, YAML 1.2 core schema) reads it:
 * {@code null}, {@code ~} and nothing are null; only {@code true} and {@code false} are booleans
 * ({@code yes}, {@code on} stay text); integers as Go parses them (underscores dropped, {@code 0x},
 * {@code 0o}, {@code 0b} and a leading {@code 0} for octal); floats; everything else is text.
 */
final class Scalars {

	private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

	private static final Set<String> TRUE = Set.of("true", "True", "TRUE");

	private static final Set<String> FALSE = Set.of("false", "False", "FALSE");

	private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

	private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

	/** Words an older (YAML 1.1) reader, such as {@code kubectl apply}'s, takes for booleans. */
	private static final Set<String> YAML11_BOOLEANS = Set.of("y", "n", "yes", "no", "on", "off");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Scalars() {
	}

	/** The value of an unquoted scalar. */
	static JsonNode plain(String text) {
		if (NULLS.contains(text)) {
			return NODES.nullNode();
		}
		if (TRUE.contains(text) || FALSE.contains(text)) {
			return NODES.booleanNode(TRUE.contains(text));
		}
		Optional<BigInteger> integer = goInteger(text.replace("_", ""));
		if (integer.isPresent() && integer.get().bitLength() < 64) {
			long value = integer.get().longValue();
			return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
		}
		String number = text.replace("_", "");
		if (FLOAT.matcher(number).matches()) {
			return NODES.numberNode(Double.parseDouble(number));
		}
		if (SPECIAL_FLOAT.matcher(text).matches()) {
			return NODES.numberNode(text.contains("nan") || text.contains("NaN") || text.contains("NAN") ? Double.NaN
					: text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
		}
		return TextNode.valueOf(text);
	}

	/** Whether text written unquoted would be read back as something else, by kustomize or by a YAML 1.1 reader. */
	static boolean needsQuotes(String text) {
		return !plain(text).isTextual() || YAML11_BOOLEANS.contains(text.toLowerCase(Locale.ROOT))
				|| text.matches("[-+]?[0-9][0-9_:.]*");
	}

	/** An integer as Go's strconv.ParseInt(text, 0, 64) reads it, before the range check. */
	private static Optional<BigInteger> goInteger(String text) {
		String digits = text;
		boolean negative = digits.startsWith("-");
		if (negative || digits.startsWith("+")) {
			digits = digits.substring(1);
		}
		int radix = 10;
		String lower = digits.toLowerCase(Locale.ROOT);
		if (lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b")) {
			radix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
			digits = digits.substring(2);
		}
		else if (digits.length() > 1 && digits.startsWith("0")) {
			radix = 8;
			digits = digits.substring(1);
		}
		int base = radix;
		if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
			return Optional.empty();
		}
		BigInteger value = new BigInteger(digits, base);
		return Optional.of(negative ? value.negate() : value);
	}

}
