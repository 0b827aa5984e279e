package io.graychain.meshlab.route;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Pattern;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;

/** Istio's {@code StringMatch}: exact, prefix, or an RE2 regex that must match the whole value. */
public final class StringMatcher {

	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private StringMatcher() {
	}

	/**
	 * True when {@code value} satisfies {@code match}. A missing value never matches; an empty
	 * match (no exact, prefix or regex) only asks that the value be present.
	 */
	public static boolean matches(StringMatch match, String value, boolean ignoreCase) {
		if (value == null) {
			return false;
		}
		if (match == null || match.getMatchType() == null) {
			return true;
		}
		if (match.getMatchType() instanceof StringMatchExact exact) {
			return ignoreCase ? exact.getExact().equalsIgnoreCase(value) : exact.getExact().equals(value);
		}
		if (match.getMatchType() instanceof StringMatchPrefix prefix) {
			return ignoreCase ? value.toLowerCase(Locale.ROOT).startsWith(prefix.getPrefix().toLowerCase(Locale.ROOT))
					: value.startsWith(prefix.getPrefix());
		}
		if (match.getMatchType() instanceof StringMatchRegex regex) {
			return pattern(regex.getRegex(), ignoreCase).matcher(value).matches();
		}
		return false;
	}

	public static boolean matches(StringMatch match, String value) {
		return matches(match, value, false);
	}

	/** The exact, prefix or regex text of a match, or null for an empty match. */
	public static String text(StringMatch match) {
		if (match == null || match.getMatchType() == null) {
			return null;
		}
		if (match.getMatchType() instanceof StringMatchExact exact) {
			return exact.getExact();
		}
		if (match.getMatchType() instanceof StringMatchPrefix prefix) {
			return prefix.getPrefix();
		}
		return match.getMatchType() instanceof StringMatchRegex regex ? regex.getRegex() : null;
	}

	/** Compiles an RE2 pattern; throws {@link com.google.re2j.PatternSyntaxException} when it is not valid RE2. */
	public static Pattern pattern(String regex, boolean ignoreCase) {
		return PATTERNS.computeIfAbsent((ignoreCase ? "i:" : "c:") + regex,
				key -> Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
	}

}
