package io.graychain.meshlab.route;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRequestTest {

	@Test
	void splitsPathAndQueryAndLowerCasesHeaderNames() {
		HttpRequest request = HttpRequest.get("appa", "/greet?name=x%20x&name=second&flag").withHeader("End-User", "jason");
		assertThat(request.path()).isEqualTo("/greet");
		assertThat(request.query()).containsEntry("name", "x%20x").containsEntry("flag", "");
		assertThat(request.header("end-user")).isEqualTo("jason");
	}

	@Test
	void cookiesAreJoinedAsBrowsersSendThem() {
		HttpRequest request = HttpRequest.get("frontend", "/").withCookie("a", "1").withCookie("user", "tester");
		assertThat(request.header("cookie")).isEqualTo("a=1; user=tester");
	}

	@Test
	void sharesAreExactFractions() {
		Share third = Share.of(1, 3);
		assertThat(third.plus(third).plus(third)).isEqualTo(Share.ALL);
		assertThat(Share.of(1, 8).isPercent(new java.math.BigDecimal("12.5"))).isTrue();
		assertThat(third.isPercent(new java.math.BigDecimal("33.3333"))).isFalse();
		assertThat(Share.of(9, 10).times(Share.of(1, 2))).hasToString("45%");
	}

}
