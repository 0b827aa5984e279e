package io.graychain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code graychain-defaults.properties} as the lowest-precedence property source, before
 * config data is loaded, so that every service shares one set of defaults (the propagation
 * allow-list, timeouts, health groups) without repeating them, and makes the pod's version
 * ({@code VERSION}) an active profile, so v2 behaviour lives in {@code application-v2.yaml}.
 */
public class GraychainDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "graychainDefaults";

	private static final String RESOURCE = "graychain-defaults.properties";

	private static final String VERSION = "VERSION";

	private static final String DEFAULT_VERSION = "v1";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(SOURCE_NAME)) {
			return;
		}
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(SOURCE_NAME, new ClassPathResource(RESOURCE)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + RESOURCE, ex);
		}
		addVersionProfile(environment, application);
	}

	/**
	 * The version is always an active profile, on top of whatever {@code spring.profiles.active}
	 * says, so that setting profiles by hand can never turn a v2 pod into v1 behaviour.
	 */
	private static void addVersionProfile(ConfigurableEnvironment environment, SpringApplication application) {
		String version = environment.getProperty(VERSION, DEFAULT_VERSION).strip();
		Set<String> profiles = new LinkedHashSet<>(application.getAdditionalProfiles());
		profiles.add(version.isEmpty() ? DEFAULT_VERSION : version);
		application.setAdditionalProfiles(profiles.toArray(String[]::new));
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

}
