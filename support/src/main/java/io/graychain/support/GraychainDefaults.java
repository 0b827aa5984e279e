package io.graychain.support;

import java.io.IOException;
import java.io.UncheckedIOException;

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
 * allow-list, timeouts, health groups, and the version profile) without repeating them.
 */
public class GraychainDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "graychainDefaults";

	private static final String RESOURCE = "graychain-defaults.properties";

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
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

}
