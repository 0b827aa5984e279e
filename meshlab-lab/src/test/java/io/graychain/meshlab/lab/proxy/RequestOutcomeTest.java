package io.graychain.meshlab.lab.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flags print as Envoy's {@code %RESPONSE_FLAGS%} does: comma separated in Envoy's order, {@code -}
 * for none (envoy source/common/stream_info/utility.cc ResponseFlagUtils::toShortString).
 */
class RequestOutcomeTest {

	@Test
	void flagsPrintInEnvoysOrderWhateverTheOrderTheyWereSet() {
		RequestOutcome outcome = new RequestOutcome();
		assertThat(outcome.flagsText()).isEqualTo("-");
		outcome.flag(ResponseFlag.FAULT_INJECTED);
		outcome.flag(ResponseFlag.DELAY_INJECTED);
		assertThat(outcome.flagsText()).isEqualTo("DI,FI");
	}

	@Test
	void theShadowSuffixGoesBeforeThePort() {
		assertThat(Forwarder.shadowHost("appb:8000")).isEqualTo("appb-shadow:8000");
		assertThat(Forwarder.shadowHost("appb")).isEqualTo("appb-shadow");
		assertThat(Forwarder.shadowHost("[::1]:80")).isEqualTo("[::1]-shadow:80");
	}

}
