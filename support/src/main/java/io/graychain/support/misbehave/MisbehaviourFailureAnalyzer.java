package io.graychain.support.misbehave;

import java.util.Locale;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Says in one line which misbehaviour setting a service cannot start with: the variable as it was
 * set (the environment variable, or the property), its value, and what is accepted. Spring's own
 * report of a failed binding is several lines of property names, origins and exception text.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MisbehaviourFailureAnalyzer implements FailureAnalyzer {

	private static final String ACTION = "Fix or remove the variable in the pod's environment "
			+ "(kubectl set env, or scripts/lab set-env in the lab); both settings are off when unset.";

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidMisbehaviour invalid) {
				return new FailureAnalysis(invalid.getMessage(), ACTION, failure);
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind && bind.getProperty() != null
					&& bind.getName().toString().startsWith(MisbehaveProperties.PREFIX)) {
				return new FailureAnalysis(describe(bind.getProperty()), ACTION, failure);
			}
		}
		return null;
	}

	private static String describe(ConfigurationProperty property) {
		String name = environmentVariable(property.getOrigin());
		name = (name != null) ? name : property.getName().toString();
		String value = printable(String.valueOf(property.getValue()));
		boolean delay = name.toLowerCase(Locale.ROOT).endsWith("delay");
		String accepted = delay ? "is not a duration: give e.g. 1500ms or 2s (0 to "
				+ MisbehaveProperties.MAX_DELAY.toSeconds() + "s)" : "is not a number: give a percentage from 0 to 100";
		return name + "=" + value + " " + accepted;
	}

	/** The name of the environment variable a value came from, or null when it came from elsewhere. */
	private static String environmentVariable(Origin origin) {
		if (origin instanceof SystemEnvironmentOrigin env) {
			return env.getProperty();
		}
		if (origin instanceof PropertySourceOrigin source) {
			return (source.getPropertySource() instanceof SystemEnvironmentPropertySource) ? source.getPropertyName()
					: environmentVariable(source.getOrigin());
		}
		return null;
	}

	/** The value on one line and short: control characters as '?', at most 40 characters. */
	static String printable(String value) {
		String line = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
		return line.length() > 40 ? line.substring(0, 40) + "..." : line;
	}

}
