package io.graychain.support.hop;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HopReportTest {

	private static HopReport hop(String service, String version, HopReport downstream) {
		return new HopReport(service, version, "pod", "ns", null, null, null, "t1", Map.of(), null, downstream);
	}

	@Test
	void chainListsEveryHopFromTheTop() {
		HopReport chain = hop("frontend", "v2", hop("forecast", "v2", hop("recommendation", "v1", null)));
		assertThat(chain.chain()).isEqualTo("frontend:v2 > forecast:v2 > recommendation:v1");
	}

	@Test
	void aReportWithoutServiceOrVersionIsNotAHopReport() {
		assertThatIllegalArgumentException().isThrownBy(() -> hop(null, "v1", null));
		assertThatIllegalArgumentException().isThrownBy(() -> hop("appb", " ", null));
	}

	@Test
	void jsonStartsWithTheChainAndReadsBackIntoTheSameChain() {
		JsonMapper json = JsonMapper.builder().build();
		String text = json.writeValueAsString(hop("appa", "v2", hop("appb", "v1", null)));
		assertThat(text).startsWith("{\"chain\":\"appa:v2 > appb:v1\"").doesNotContain("\"region\"");
		assertThat(json.readValue(text, HopReport.class).chain()).isEqualTo("appa:v2 > appb:v1");
	}

	@Test
	void receivedHeadersKeepTheirOrder() {
		Map<String, String> received = new java.util.LinkedHashMap<>();
		received.put("x-request-id", "r");
		received.put("cookie", "c");
		received.put("end-user", "e");
		HopReport report = new HopReport("a", "v1", null, null, null, null, null, null, received, null, null);
		assertThat(report.received().keySet()).containsExactly("x-request-id", "cookie", "end-user");
	}

}
