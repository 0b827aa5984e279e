package io.graychain.frontend;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.WireMockConfigurationCustomizer;

/** Binds a test's WireMock to the loopback interface only. */
public class LoopbackWireMock implements WireMockConfigurationCustomizer {

	@Override
	public void customize(WireMockConfiguration configuration, ConfigureWireMock options) {
		configuration.bindAddress("127.0.0.1");
	}

}
