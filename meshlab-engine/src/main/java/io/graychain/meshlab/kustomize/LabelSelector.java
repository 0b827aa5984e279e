package io.graychain.meshlab.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector string ({@code app=appa}, {@code app!=appa}, {@code app in (a,b)},
 * {@code app notin (a,b)}, {@code app}, {@code !app}; requirements separated by commas), as a
 * kustomize patch target or replacement selector writes it.
 */
final class LabelSelector {

	private static final Pattern REQUIREMENT = Pattern.compile(
			"\\s*(?:(!)\\s*([\\w./-]+)|([\\w./-]+)\\s*(?:(==?|!=)\\s*([\\w.-]*)|\\s(in|notin)\\s*\\(([^)]*)\\))?)\\s*(?:,|$)");

	private final String text;

	private final List<Requirement> requirements;

	private LabelSelector(String text, List<Requirement> requirements) {
		this.text = text;
		this.requirements = List.copyOf(requirements);
	}

	static LabelSelector parse(String text) {
		List<Requirement> requirements = new ArrayList<>();
		Matcher matcher = REQUIREMENT.matcher(text);
		int at = 0;
		while (at < text.length()) {
			if (!matcher.find(at) || matcher.start() != at || matcher.end() == at) {
				throw new ManifestException("label selector '" + text + "' cannot be read at position " + at);
			}
			requirements.add(requirement(matcher));
			at = matcher.end();
		}
		return new LabelSelector(text, requirements);
	}

	private static Requirement requirement(Matcher m) {
		if (m.group(1) != null) {
			return new Requirement(m.group(2), Operator.ABSENT, Set.of());
		}
		if (m.group(4) != null) {
			return new Requirement(m.group(3), m.group(4).equals("!=") ? Operator.NOT_IN : Operator.IN, Set.of(m.group(5)));
		}
		if (m.group(6) != null) {
			Set<String> values = Set.of(m.group(7).trim().split("\\s*,\\s*"));
			return new Requirement(m.group(3), m.group(6).equals("in") ? Operator.IN : Operator.NOT_IN, values);
		}
		return new Requirement(m.group(3), Operator.PRESENT, Set.of());
	}

	boolean matches(Map<String, String> labels) {
		return requirements.stream().allMatch(r -> r.matches(labels));
	}

	@Override
	public String toString() {
		return text;
	}

	private enum Operator {
		IN, NOT_IN, PRESENT, ABSENT
	}

	private record Requirement(String key, Operator operator, Set<String> values) {

		boolean matches(Map<String, String> labels) {
			String value = labels.get(key);
			return switch (operator) {
				case IN -> value != null && values.contains(value);
				case NOT_IN -> value == null || !values.contains(value);
				case PRESENT -> value != null;
				case ABSENT -> value == null;
			};
		}

	}

}
