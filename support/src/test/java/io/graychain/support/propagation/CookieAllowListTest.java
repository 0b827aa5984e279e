package io.graychain.support.propagation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CookieAllowListTest {

	private final CookieAllowList user = new CookieAllowList(List.of("user"));

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			a=1; user=tester; session=secret    | user=tester
			user=tester                         | user=tester
			a=1;user=tester;b=2                 | user=tester
			'  a=1 ;  user = tester ;  '        | user=tester
			;; user=tester;;                    | user=tester
			user=a=b==; a=1                     | user=a=b==
			user=""; a=1                        | user=""
			user=                               | user=
			user=a; theme=dark; user=tester     | user=a; user=tester
			a=1; session=secret                 | null
			superuser=tester; user2=tester      | null
			User=tester; a=user=tester          | null
			user; flag                          | null
			=user=tester                        | null
			''                                  | null
			""")
	void keepsOnlyTheAllowedCookiesInTheOrderSent(String header, String relayed) {
		assertThat(user.filter(header)).isEqualTo(relayed);
	}

	@Test
	void keepsEveryAllowedNameInTheOrderSentJoinedAsABrowserJoinsThem() {
		CookieAllowList two = new CookieAllowList(List.of("user", "theme"));
		assertThat(two.filter("theme=dark;a=1;user=tester")).isEqualTo("theme=dark; user=tester");
	}

	@Test
	void noHeaderOrNoAllowedNameRelaysNothing() {
		assertThat(user.filter(null)).isNull();
		assertThat(new CookieAllowList(List.of()).filter("user=tester")).isNull();
	}

}
