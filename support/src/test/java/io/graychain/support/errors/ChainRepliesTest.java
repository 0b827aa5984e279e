package io.graychain.support.errors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChainRepliesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			text/plain                          | true
			text/plain;q=0.9, application/json  | false
			application/json, text/plain;q=0.5  | false
			*/*                                 | false
			null                                | false
			text/*                              | true
			not a media type ;;                 | false
			""")
	void textOnlyWhenTheClientPrefersIt(String accept, boolean text) {
		assertThat(ChainReplies.prefersText(accept)).isEqualTo(text);
	}

}
