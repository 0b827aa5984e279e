package io.graychain.support.misbehave;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reads the misbehaviour settings before the application context starts, so that a bad value stops
 * the service at once, reported by {@link MisbehaviourFailureAnalyzer} in one line, rather than
 * half-way through starting beans.
 */
public class MisbehaviourCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Binder.get(context.getEnvironment()).bind(MisbehaveProperties.PREFIX, MisbehaveProperties.class);
	}

}
