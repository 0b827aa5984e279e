package io.graychain.meshlab.lab;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.lab.loop.Tally;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chains as the services print them, crossed chains, the tally. */
class ClientTest {

	static final Set<String> LANES = Set.of("appa", "appb", "frontend", "forecast");

	@Test
	void aChainIsCrossedWhenServicesWithTwoVersionsRunDifferentLanes() {
		assertThat(new ChainLine("appa:v2 > appb:v1").crossed(LANES)).isTrue();
		assertThat(new ChainLine("appa:v2 > appb:v2").crossed(LANES)).isFalse();
		assertThat(new ChainLine("frontend:v2 > forecast:v2 > recommendation:v1").crossed(LANES)).isFalse();
		assertThat(new ChainLine("appa:v2 > appb:!503").crossed(LANES)).isFalse();
		assertThat(new ChainLine("appa:v2 > appb:!503").complete()).isFalse();
		assertThat(new ChainLine("HTTP 404").complete()).isFalse();
	}

	@Test
	void aReplyThatIsNoChainIsNamedByItsStatus() {
		assertThat(ChainLine.of(new OneShotHttp.Reply(200, "appa:v1 > appb:v2\n")).text()).isEqualTo("appa:v1 > appb:v2");
		assertThat(ChainLine.of(new OneShotHttp.Reply(503, "appa:v1 > appb:!503\n")).text()).isEqualTo("appa:v1 > appb:!503");
		assertThat(ChainLine.of(new OneShotHttp.Reply(404, "no route\n")).text()).isEqualTo("HTTP 404");
		assertThat(ChainLine.of(new OneShotHttp.Reply(0, "no reply: refused")).text()).isEqualTo("no reply");
	}

	@Test
	void chunkedRepliesAreDecoded() throws Exception {
		byte[] raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nappa:\r\n3\r\nv2\n\r\n0\r\n\r\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		var parse = OneShotHttp.class.getDeclaredMethod("parse", byte[].class);
		parse.setAccessible(true);
		assertThat(parse.invoke(null, (Object) raw)).isEqualTo(new OneShotHttp.Reply(200, "appa:v2\n"));
	}

	@Test
	void cookiesAndQueryAreSentAsBrowsersSendThem() {
		Map<String, String> cookies = new LinkedHashMap<>();
		cookies.put("a", "1");
		cookies.put("user", "tester");
		assertThat(Sender.withCookies(Map.of(), cookies)).containsEntry("Cookie", "a=1; user=tester");
		assertThat(Sender.pathAndQuery("/greet", Map.of("name", "x y&z"))).isEqualTo("/greet?name=x%20y%26z");
		assertThat(Sender.pathAndQuery("/", Map.of())).isEqualTo("/");
	}

	@Test
	void theTallyShowsSharesBarsAndMarks() {
		Tally tally = new Tally(LANES);
		for (int i = 0; i < 3; i++) {
			tally.count(new ChainLine("appa:v2 > appb:v2"));
		}
		tally.count(new ChainLine("appa:v2 > appb:v1"));
		String text = tally.render(false);
		assertThat(text).contains("4 requests").contains("1 crossed").contains("0 failed");
		assertThat(text.lines().filter(l -> l.contains("appa:v2 > appb:v2")).findFirst().orElseThrow())
			.contains("75.0%").contains("#".repeat(30)).doesNotContain("CROSSED");
		assertThat(text).contains("CROSSED");
		assertThat(tally.render(true)).contains("\u2588");
	}

}
