package io.graychain.meshlab.route;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;

/**
 * Istio's {@code StringMatch} as Envoy evaluates it: exact, prefix, or an RE2 regex that must match
 * the whole value. An empty match and the regex {@code *} ask only that the value be present
 * (istio/istio pilot/pkg/networking/core/route/route.go canBeConvertedToPresentMatch). An invalid
 * RE2 never matches here; the analyzer reports it when the rule is read.
 */
public final class StringMatcher {

	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private StringMatcher() {
	}

	/**
	 * True when {@code value} satisfies {@code match}. A missing value never matches.
	 * {@code ignoreCase} applies to exact and prefix only: Envoy ignores {@code case_sensitive}
	 * for {@code safe_regex} (envoy api/envoy/config/route/v3/route_components.proto RouteMatch.case_sensitive).
	 */
	public static boolean matches(StringMatch match, String value, boolean ignoreCase) {
		if (value == null) {
			return false;
		}
		if (isPresence(match)) {
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
			return compiled(regex.getRegex()).map(p -> p.matcher(value).matches()).orElse(false);
		}
		return false;
	}

	public static boolean matches(StringMatch match, String value) {
		return matches(match, value, false);
	}

	/** True when the match only asks for presence: no exact, prefix or regex, or the regex {@code *}. */
	public static boolean isPresence(StringMatch match) {
		return match == null || match.getMatchType() == null
				|| match.getMatchType() instanceof StringMatchRegex r && "*".equals(r.getRegex());
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

	/** The match as explain shows it: {@code exact jason}, {@code prefix /greet}, {@code regex ^a$}, {@code present}. */
	public static String describe(StringMatch match) {
		if (isPresence(match)) {
			return "present";
		}
		String kind = match.getMatchType() instanceof StringMatchExact ? "exact"
				: match.getMatchType() instanceof StringMatchPrefix ? "prefix" : "regex";
		return kind + " " + text(match);
	}

	/** Compiles an RE2 pattern; throws {@link PatternSyntaxException} when it is not valid RE2. */
	public static Pattern pattern(String regex, boolean ignoreCase) {
		return PATTERNS.computeIfAbsent((ignoreCase ? "i:" : "c:") + regex,
				key -> Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
	}

	/** The compiled pattern, or empty when the regex is not valid RE2. */
	static Optional<Pattern> compiled(String regex) {
		try {
			return Optional.of(pattern(regex, false));
		}
		catch (PatternSyntaxException ex) {
			return Optional.empty();
		}
	}

}
