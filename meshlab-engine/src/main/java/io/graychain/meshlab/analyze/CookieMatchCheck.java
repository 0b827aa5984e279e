package io.graychain.meshlab.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.VirtualServiceDef;
import io.graychain.meshlab.route.StringMatcher;

/**
 * A match on the {@code cookie} header that looks for one {@code name=value} must hold wherever a
 * browser puts that cookie ({@code name=value}, {@code a=1; name=value}, {@code name=value; b=2}:
 * RFC 6265 section 4.2.1 joins cookies with "; ") and must not hold for a neighbouring cookie
 * ({@code name=value2}, {@code supername=value}).
 */
final class CookieMatchCheck implements Check {

	/** The {@code name=value} a cookie match looks for: the first literal pair in its text. */
	private static final Pattern PAIR = Pattern.compile("([A-Za-z0-9_-]+)=([A-Za-z0-9_-]+)");

	@Override
	public List<Finding> check(MeshConfig config) {
		List<Finding> findings = new ArrayList<>();
		for (VirtualServiceDef vs : config.virtualServices()) {
			RouteVisitor.matches(vs, (match, field) -> {
				if (match.getHeaders() == null) {
					return;
				}
				match.getHeaders().forEach((name, value) -> {
					if ("cookie".equalsIgnoreCase(name)) {
						problem(value).ifPresent(message -> findings.add(RouteVisitor.finding(Finding.Code.COOKIE_MATCH, vs,
								field + ".headers." + name, message)));
					}
				});
			});
		}
		return findings;
	}

	/** An invalid RE2 is {@link MatchCheck}'s error; nothing to add about cookies then. */
	private static boolean validRegex(StringMatch match) {
		if (!(match.getMatchType() instanceof io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex regex)) {
			return true;
		}
		try {
			StringMatcher.pattern(regex.getRegex(), false);
			return true;
		}
		catch (com.google.re2j.PatternSyntaxException ex) {
			return false;
		}
	}

	static java.util.Optional<String> problem(StringMatch match) {
		String text = StringMatcher.text(match);
		Matcher pair = PAIR.matcher(text == null ? "" : text);
		if (StringMatcher.isPresence(match) || !pair.find() || !validRegex(match)) {
			return java.util.Optional.empty();
		}
		String cookie = pair.group(1) + "=" + pair.group(2);
		List<String> misses = new ArrayList<>();
		for (String form : List.of(cookie, "a=1; " + cookie, cookie + "; b=2", "a=1; " + cookie + "; b=2")) {
			if (!StringMatcher.matches(match, form)) {
				misses.add('"' + form + '"');
			}
		}
		List<String> wrong = new ArrayList<>();
		for (String neighbour : List.of(cookie + "2", "super" + cookie, "a=1; super" + cookie)) {
			if (StringMatcher.matches(match, neighbour)) {
				wrong.add('"' + neighbour + '"');
			}
		}
		if (misses.isEmpty() && wrong.isEmpty()) {
			return java.util.Optional.empty();
		}
		String message = "cookie " + StringMatcher.describe(match)
				+ (misses.isEmpty() ? "" : " misses the browser form " + String.join(", ", misses))
				+ (misses.isEmpty() || wrong.isEmpty() ? "" : " and")
				+ (wrong.isEmpty() ? "" : " matches " + String.join(", ", wrong))
				+ "; e.g. regex ^(.*;\\s*)?" + cookie + "(;.*)?$";
		return java.util.Optional.of(message);
	}

}
