package io.graychain.meshlab.lab.pods;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;

/**
 * A change of a container's environment as {@code kubectl set env DEPLOYMENT NAME=VALUE... NAME-}
 * makes it: each {@code NAME=VALUE} replaces every variable of that name where it stands (a
 * {@code valueFrom} becomes the literal) or is appended; each {@code NAME-} removes every variable of
 * that name; a name both set and removed is removed.
 *
 * <p>Follows kubernetes/kubectl {@code pkg/cmd/set/env/env_parse.go} ({@code ParseEnv}: the forms of
 * an argument) and {@code pkg/cmd/set/helper.go} ({@code updateEnv}: how the list changes).
 *
 * @param set the variables to set, in the order given (a later value of a name wins)
 * @param remove the names to remove
 */
public record EnvEdit(Map<String, String> set, Set<String> remove) {

	/** A name Kubernetes accepts for an environment variable (apimachinery {@code IsEnvVarName}). */
	private static final Pattern NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

	public EnvEdit {
		set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
		remove = Set.copyOf(remove);
	}

	/** Parses {@code NAME=VALUE} and {@code NAME-} arguments; a bad one fails naming it. */
	public static EnvEdit parse(List<String> arguments) {
		if (arguments.isEmpty()) {
			throw new IllegalArgumentException("no change given: NAME=VALUE sets a variable, NAME- removes it");
		}
		Map<String, String> set = new LinkedHashMap<>();
		Set<String> remove = new HashSet<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			if (equals >= 0) {
				set.put(name(argument.substring(0, equals), argument), argument.substring(equals + 1));
			}
			else if (argument.endsWith("-")) {
				remove.add(name(argument.substring(0, argument.length() - 1), argument));
			}
			else {
				throw new IllegalArgumentException("'" + argument + "' is neither NAME=VALUE (set) nor NAME- (remove)");
			}
		}
		return new EnvEdit(set, remove);
	}

	private static String name(String name, String argument) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + argument + "': '" + name
					+ "' is not a variable name (letters, digits, '_', '-', '.', not starting with a digit)");
		}
		return name;
	}

	/** {@code env} with this change made, as {@code updateEnv} makes it. */
	public List<EnvVar> apply(List<EnvVar> env) {
		List<EnvVar> out = new ArrayList<>();
		Set<String> covered = new HashSet<>(remove);
		for (EnvVar variable : env) {
			if (covered.contains(variable.getName())) {
				continue;
			}
			if (set.containsKey(variable.getName())) {
				covered.add(variable.getName());
				out.add(literal(variable.getName(), set.get(variable.getName())));
				continue;
			}
			out.add(variable);
		}
		set.forEach((name, value) -> {
			if (covered.add(name)) {
				out.add(literal(name, value));
			}
		});
		return out;
	}

	/**
	 * How {@code current} differs from {@code original}, as the arguments that would make it:
	 * {@code NAME=VALUE} for a variable added or changed, {@code NAME-} for one removed.
	 */
	public static List<String> difference(List<EnvVar> original, List<EnvVar> current) {
		Map<String, EnvVar> before = byName(original);
		Map<String, EnvVar> after = byName(current);
		List<String> changes = new ArrayList<>();
		after.forEach((name, variable) -> {
			if (!Objects.equals(before.get(name), variable)) {
				changes.add(name + "=" + (variable.getValueFrom() == null ? Objects.toString(variable.getValue(), "") : "(valueFrom)"));
			}
		});
		before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(name -> changes.add(name + "-"));
		return changes;
	}

	private static Map<String, EnvVar> byName(List<EnvVar> env) {
		Map<String, EnvVar> byName = new LinkedHashMap<>();
		env.forEach(v -> byName.put(v.getName(), v));
		return byName;
	}

	private static EnvVar literal(String name, String value) {
		return new EnvVarBuilder().withName(name).withValue(value).build();
	}

}
