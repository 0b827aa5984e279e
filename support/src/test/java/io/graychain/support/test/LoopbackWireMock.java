package io.graychain.support.test;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.WireMockConfigurationCustomizer;

/**
 * WireMock standing in for a downstream: bound to the loopback interface only, and with enough
 * threads that a delayed reply a test gave up on does not hold up the next test.
 */
public class LoopbackWireMock implements WireMockConfigurationCustomizer {

	@Override
	public void customize(WireMockConfiguration configuration, ConfigureWireMock options) {
		configuration.bindAddress("127.0.0.1").containerThreads(40);
	}

}
