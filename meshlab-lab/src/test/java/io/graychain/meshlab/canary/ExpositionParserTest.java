package io.graychain.meshlab.canary;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpositionParserTest {

	@Test
	void readsSamplesSkippingCommentsAndTimestamps() {
		Scrape scrape = Scrape.parse("""
				# HELP istio_requests_total Total requests.
				# TYPE istio_requests_total counter
				istio_requests_total{reporter="destination",response_code="200"} 12 1764355200123
				istio_requests_total{ reporter = "source" , response_code="503", } 3

				up 1
				""", "test");

		assertThat(scrape.samples()).containsExactly(
				new Sample("istio_requests_total", Map.of("reporter", "destination", "response_code", "200"), 12),
				new Sample("istio_requests_total", Map.of("reporter", "source", "response_code", "503"), 3),
				new Sample("up", Map.of(), 1));
	}

	@Test
	void readsEscapesInLabelValuesAndGoFloats() {
		Scrape scrape = Scrape.parse("""
				m{path="C:\\\\tmp",quote="say \\"hi\\"",lines="a\\nb"} +Inf
				m{le="0.5"} -Inf
				m{le="1e3"} NaN
				m{le="x"} 1.5e-3
				""", "test");

		assertThat(scrape.samples().get(0).labels())
			.containsExactlyInAnyOrderEntriesOf(Map.of("path", "C:\\tmp", "quote", "say \"hi\"", "lines", "a\nb"));
		assertThat(scrape.samples()).extracting(Sample::value)
			.containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.0015);
	}

	@Test
	void readsEveryFixture() {
		assertThat(Fixtures.scrape("healthy", 0).samples()).hasSizeGreaterThan(100)
			.allSatisfy(s -> assertThat(s.name()).startsWith("istio_"));
	}

	@Test
	void aLineItCannotReadFailsWithItsNumber() {
		assertThatThrownBy(() -> Scrape.parse("up 1\nm{a=\"1\" 2\n", "metrics"))
			.isInstanceOf(CanaryException.class)
			.hasMessage("metrics line 2: expected ',' or '}' at column 9");
		assertThatThrownBy(() -> Scrape.parse("m{a=\"1\"} twelve", "metrics"))
			.hasMessage("metrics line 1: expected a value, not 'twelve'");
		assertThatThrownBy(() -> Scrape.parse("m{a=\"1\",a=\"2\"} 1", "metrics"))
			.hasMessage("metrics line 1: label a appears twice");
		assertThatThrownBy(() -> Scrape.parse("m 1 later", "metrics"))
			.hasMessage("metrics line 1: expected a timestamp in milliseconds at column 10");
		assertThatThrownBy(() -> Scrape.parse("9lives 1", "metrics"))
			.hasMessage("metrics line 1: expected a name at column 1");
	}

}
