package io.graychain.support.probe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeOptionsTest {

	@Test
	void cookiesAreJoinedAsBrowsersSendThemAndTheQueryIsEncoded() {
		ProbeOptions options = ProbeOptions.parse("--cookie", "a=1", "--header", "Cookie: z=0", "--cookie", "user=tester",
				"--query", "name=x y&z", "--query", "city=berlin", "http://appa:8000/greet?lang=en");

		assertThat(options.headers()).containsEntry("Cookie", "z=0; a=1; user=tester");
		assertThat(options.url()).hasToString("http://appa:8000/greet?lang=en&name=x%20y%26z&city=berlin");
		assertThat(options.count()).isOne();
		assertThat(options.connectTimeoutMillis()).isEqualTo(2_000);
		assertThat(options.readTimeoutMillis()).isEqualTo(10_000);
		assertThat(options.deadlineSeconds()).isEqualTo(ProbeOptions.NO_DEADLINE);
	}

	@Test
	void aDeadlineIsWholeSecondsFromOne() {
		assertThat(ProbeOptions.parse("--deadline", "60", "http://appa:8000/").deadlineSeconds()).isEqualTo(60);
		assertThatThrownBy(() -> ProbeOptions.parse("--deadline", "0", "http://a/")).hasMessageContaining("--deadline needs a number");
		assertThatThrownBy(() -> ProbeOptions.parse("--deadline", "1.5", "http://a/")).hasMessageContaining("--deadline needs a number");
	}

	@Test
	void headersKeepTheirOrderAndValuesMayHoldColons() {
		ProbeOptions options = ProbeOptions.parse("--header", "version: v2", "--header", "x-b3-x: a:b", "http://appa:8000/");

		assertThat(options.headers()).containsExactly(java.util.Map.entry("version", "v2"), java.util.Map.entry("x-b3-x", "a:b"));
	}

	@Test
	void mistakesAreNamed() {
		assertThatThrownBy(() -> ProbeOptions.parse("http://a/", "http://b/")).hasMessageContaining("one URL only");
		assertThatThrownBy(() -> ProbeOptions.parse("--count")).hasMessageContaining("--count needs a value");
		assertThatThrownBy(() -> ProbeOptions.parse("--count", "x", "http://a/")).hasMessageContaining("number");
		assertThatThrownBy(() -> ProbeOptions.parse("--header", "a: b\r\nX: y", "http://a/")).hasMessageContaining("name:value");
		assertThatThrownBy(() -> ProbeOptions.parse("--bogus", "1", "http://a/")).hasMessageContaining("unknown option --bogus");
		assertThatThrownBy(() -> ProbeOptions.parse("http://")).hasMessageContaining("http://host");
	}

}
