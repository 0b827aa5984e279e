package io.graychain.meshlab.chain;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RouteEngine;
import io.graychain.meshlab.testing.Mesh;
import io.graychain.meshlab.testing.Tools;
import io.graychain.support.propagation.CookieAllowList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraychainCallsTest {

	private static final String APPA_V1_APPB_TESTER_V2 = """
			apiVersion: networking.istio.io/v1
			kind: VirtualService
			metadata: {name: appa}
			spec:
			  hosts: [appa.graychain.local]
			  gateways: [graychain-gateway]
			  http:
			  - route: [{destination: {host: appa, subset: v1}}]
			---
			apiVersion: networking.istio.io/v1
			kind: VirtualService
			metadata: {name: appb}
			spec:
			  hosts: [appb]
			  http:
			  - match: [{headers: {cookie: {regex: "^(.*?; ?)?(user=tester)(;.*)?$"}}}]
			    route: [{destination: {host: appb, subset: v2}}]
			  - route: [{destination: {host: appb, subset: v1}}]
			""";

	private static HttpRequest belowAppa(String cookie) {
		HttpRequest received = HttpRequest.get("appa", "/").withHeader("cookie", cookie);
		return CallGraph.graychain().downstream("appa", "v1", received).orElseThrow();
	}

	@Test
	void onlyTheUserCookieGoesDownInTheOrderSent() {
		assertThat(belowAppa("a=1; user=tester; session=secret").header("cookie")).isEqualTo("user=tester");
		assertThat(belowAppa(" user = a ;theme=dark;user=b=c").header("cookie")).isEqualTo("user=a; user=b=c");
	}

	@Test
	void withoutTheUserCookieNoCookieHeaderGoesDown() {
		for (String cookie : new String[] { "a=1; session=secret", "superuser=tester", "user2=tester; User=tester", "user" }) {
			assertThat(belowAppa(cookie).headers()).as(cookie).doesNotContainKey("cookie");
		}
	}

	@Test
	void theCookieHeaderIsCutDownByTheServicesOwnAllowList() {
		CookieAllowList services = new CookieAllowList(GraychainCalls.RELAYED_COOKIES);
		for (String cookie : new String[] { "a=1; user=tester; session=secret", " user = a ;theme=dark;user=b=c", "user",
				"user=", ";;user=x;", "User=x; user=y", "=user; user", "a=user=b" }) {
			assertThat(belowAppa(cookie).header("cookie")).as(cookie).isEqualTo(services.filter(cookie));
		}
	}

	@Test
	void aCookieRuleOnTheSecondHopStillSeesTheUserCookie() {
		RouteEngine engine = Mesh.engine(APPA_V1_APPB_TESTER_V2);
		ChainWalker walker = new ChainWalker(engine, CallGraph.graychain());
		HttpRequest tester = HttpRequest.get("appa.graychain.local", "/").withCookie("a", "1").withCookie("user", "tester")
			.withCookie("session", "secret");
		assertThat(walker.walk(tester, engine.source("graychain-gateway")).byText()).containsOnlyKeys("appa:v1 > appb:v2");
		HttpRequest other = HttpRequest.get("appa.graychain.local", "/").withCookie("superuser", "tester");
		assertThat(walker.walk(other, engine.source("graychain-gateway")).byText()).containsOnlyKeys("appa:v1 > appb:v1");
	}

	@Test
	void mirrorsThePropagationDefaultsOfTheServices() throws IOException {
		Properties defaults = new Properties();
		try (Reader reader = Files.newBufferedReader(
				Tools.repo().resolve("support/src/main/resources/graychain-defaults.properties"))) {
			defaults.load(reader);
		}
		assertThat(GraychainCalls.PROPAGATED).isEqualTo(names(defaults, "trace-headers", "baggage-fields", "relayed-headers"));
		assertThat(GraychainCalls.RELAYED_COOKIES).isEqualTo(names(defaults, "relayed-cookies"));
	}

	private static Set<String> names(Properties defaults, String... keys) {
		return Stream.of(keys)
			.flatMap(key -> Arrays.stream(defaults.getProperty("graychain.propagation." + key).split(",")))
			.map(String::strip)
			.collect(Collectors.toSet());
	}

}
