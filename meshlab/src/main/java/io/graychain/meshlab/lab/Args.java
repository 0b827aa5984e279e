package io.graychain.meshlab.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line arguments as the lab's commands take them: {@code --name value} options (repeatable
 * ones collected), {@code --flag} switches, and positional arguments.
 *
 * @param options each option's values, by name without dashes
 * @param positional everything that is no option
 */
public record Args(Map<String, List<String>> options, List<String> positional) {

	/** Parses {@code args}; {@code switches} name the options that take no value. */
	public static Args parse(String[] args, String... switches) {
		Map<String, List<String>> options = new LinkedHashMap<>();
		List<String> positional = new ArrayList<>();
		List<String> flags = List.of(switches);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--") || arg.equals("--")) {
				positional.add(arg);
				continue;
			}
			String name = arg.substring(2);
			String value;
			if (name.contains("=")) {
				value = name.substring(name.indexOf('=') + 1);
				name = name.substring(0, name.indexOf('='));
			}
			else if (flags.contains(name)) {
				value = "true";
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("option --" + name + " needs a value");
			}
			options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
		}
		return new Args(options, positional);
	}

	public String get(String name, String fallback) {
		List<String> values = options.get(name);
		return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
	}

	public int getInt(String name, int fallback) {
		String value = get(name, null);
		try {
			return value == null ? fallback : Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("option --" + name + " needs a number, got '" + value + "'");
		}
	}

	public boolean has(String name) {
		return options.containsKey(name);
	}

	public List<String> all(String name) {
		return options.getOrDefault(name, List.of());
	}

}
