package io.graychain.meshlab.route;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.graychain.meshlab.route.Routes.engine;
import static io.graychain.meshlab.route.Routes.meshRule;
import static io.graychain.meshlab.route.Routes.where;
import static org.assertj.core.api.Assertions.assertThat;

class RouteEngineTest {

	private static final String TO_V1 = "route: [{destination: {host: appb, subset: v1}}]";

	private static final String TO_V2 = "route: [{destination: {host: appb, subset: v2}}]";

	private static final HttpRequest APPB = HttpRequest.get("appb:8000", "/");

	@Test
	void withoutRuleASidecarSpreadsOverAllPodsOfTheService() {
		RouteEngine engine = engine();
		assertThat(where(engine, HttpRequest.get("appa:8000", "/"), "product-v1"))
			.isEqualTo(Map.of("appa-v1", "33.3333", "appa-v2", "66.6667"));
		assertThat(engine.decide(HttpRequest.get("appa.graychain.svc.cluster.local", "/"), engine.source("appb-v1"))
			.destinations()).hasSize(2);
	}

	@Test
	void firstMatchingRouteWins() {
		RouteEngine engine = engine(meshRule("appb", """
				- match: [{headers: {end-user: {exact: jason}}}]
				  %s
				- match: [{headers: {end-user: {prefix: j}}}]
				  %s
				- %s
				""".formatted(TO_V2, TO_V1, TO_V1)));
		assertThat(where(engine, APPB.withHeader("end-user", "jason"), "appa-v1")).isEqualTo(Map.of("appb-v2", "100"));
	}

	@Test
	void matchEntriesAreOredAndFieldsInOneEntryAnded() {
		RouteEngine engine = engine(meshRule("appb", """
				- match:
				  - headers: {end-user: {exact: jason}}
				    uri: {prefix: /greet}
				  - queryParams: {name: {exact: xx}}
				  %s
				- %s
				""".formatted(TO_V2, TO_V1)));
		assertThat(where(engine, HttpRequest.get("appb", "/greet").withHeader("end-user", "jason"), "appa-v1")).containsKey("appb-v2");
		assertThat(where(engine, HttpRequest.get("appb", "/").withHeader("end-user", "jason"), "appa-v1")).containsKey("appb-v1");
		assertThat(where(engine, HttpRequest.get("appb", "/?name=xx"), "appa-v1")).containsKey("appb-v2");
	}

	@Test
	void regexMustMatchTheWholeValueInRe2() {
		RouteEngine engine = engine(meshRule("appb", """
				- match: [{headers: {end-user: {regex: "jas.n"}}}]
				  %s
				- %s
				""".formatted(TO_V2, TO_V1)));
		assertThat(where(engine, APPB.withHeader("end-user", "jason"), "appa-v1")).containsKey("appb-v2");
		assertThat(where(engine, APPB.withHeader("end-user", "jason2"), "appa-v1")).containsKey("appb-v1");
		assertThat(where(engine, APPB.withHeader("end-user", "my-jason"), "appa-v1")).containsKey("appb-v1");
	}

	@Test
	void cookieRegexMatchesTheCookieWhereverItStandsAndNothingLonger() {
		RouteEngine engine = engine(meshRule("appb", """
				- match: [{headers: {cookie: {regex: "^(.*?;\\\\s*)?(user=tester)(;.*)?$"}}}]
				  %s
				- %s
				""".formatted(TO_V2, TO_V1)));
		for (String cookie : new String[] {"user=tester", "a=1; user=tester", "user=tester; b=2", "a=1;user=tester;b=2"}) {
			assertThat(where(engine, APPB.withHeader("cookie", cookie), "appa-v1")).as(cookie).containsKey("appb-v2");
		}
		for (String cookie : new String[] {"user=tester2", "superuser=tester", "a=1; superuser=tester", "user=testers; a=1"}) {
			assertThat(where(engine, APPB.withHeader("cookie", cookie), "appa-v1")).as(cookie).containsKey("appb-v1");
		}
	}

	@Test
	/** Envoy lower-cases header matcher names (envoy source/common/http/header_utility.cc HeaderData). */
	void upperCaseHeaderNamesInARuleMatchAsEnvoyLowerCasesThem() {
		RouteEngine engine = engine(meshRule("appb", """
				- match: [{headers: {End-User: {exact: jason}}}]
				  %s
				- match: [{headers: {end-user: {exact: alice}}}]
				  %s
				- %s
				""".formatted(TO_V1, TO_V2, TO_V1)));
		assertThat(where(engine, APPB.withHeader("End-User", "alice"), "appa-v1")).containsKey("appb-v2");
		assertThat(engine.decide(APPB.withHeader("End-User", "jason"), engine.source("appa-v1")).reason()).contains("http[0]");
	}

	@Test
	void withoutHeadersInvertsAndAnEmptyMatchMeansPresent() {
		RouteEngine engine = engine(meshRule("appb", """
				- match: [{withoutHeaders: {version: {}}}]
				  %s
				- %s
				""".formatted(TO_V1, TO_V2)));
		assertThat(where(engine, APPB, "appa-v1")).containsKey("appb-v1");
		assertThat(where(engine, APPB.withHeader("version", "anything"), "appa-v1")).containsKey("appb-v2");
	}

	@Test
	void uriNeverSeesTheQueryStringButQueryParamsDo() {
		RouteEngine engine = engine(meshRule("appb", """
				- match: [{uri: {regex: ".*name.*"}}]
				  %s
				- match: [{uri: {exact: /greet}, queryParams: {name: {exact: xx}}}]
				  %s
				- %s
				""".formatted(TO_V1, TO_V2, TO_V1)));
		assertThat(where(engine, HttpRequest.get("appb", "/greet?name=xx"), "appa-v1")).containsKey("appb-v2");
		assertThat(where(engine, HttpRequest.get("appb", "/greet?name=xxl"), "appa-v1")).containsKey("appb-v1");
	}

	@Test
	void sourceLabelsSelectTheCallingWorkload() {
		RouteEngine engine = engine(meshRule("appb", """
				- match: [{sourceLabels: {app: appa, version: v2}}]
				  %s
				- %s
				""".formatted(TO_V2, TO_V1)));
		assertThat(where(engine, APPB, "appa-v2")).containsKey("appb-v2");
		assertThat(where(engine, APPB, "appa-v1")).containsKey("appb-v1");
		assertThat(where(engine, APPB, "product-v2")).containsKey("appb-v1");
	}

	@Test
	void aRuleBoundToGatewaysOnlyDoesNotApplyToSidecars() {
		RouteEngine engine = engine("""
				apiVersion: networking.istio.io/v1alpha3
				kind: VirtualService
				metadata: {name: appa}
				spec:
				  hosts: [appa.graychain.local, appa]
				  gateways: [graychain-gateway]
				  http:
				  - route: [{destination: {host: appa, subset: v2}}]
				""");
		assertThat(where(engine, HttpRequest.get("appa.graychain.local", "/"), "graychain-gateway"))
			.isEqualTo(Map.of("appa-v2", "100"));
		assertThat(where(engine, HttpRequest.get("appa:8000", "/"), "product-v1")).containsKeys("appa-v1", "appa-v2");
	}

	@Test
	void matchLevelGatewaysRestrictTheRoute() {
		RouteEngine engine = engine("""
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata: {name: appa}
				spec:
				  hosts: [appa.graychain.local, appa]
				  gateways: [graychain-gateway, mesh]
				  http:
				  - match: [{gateways: [graychain-gateway]}]
				    route: [{destination: {host: appa, subset: v2}}]
				  - route: [{destination: {host: appa, subset: v1}}]
				""");
		assertThat(where(engine, HttpRequest.get("appa.graychain.local", "/"), "graychain-gateway")).containsOnlyKeys("appa-v2");
		assertThat(where(engine, HttpRequest.get("appa", "/"), "product-v1")).containsOnlyKeys("appa-v1");
	}

	@Test
	void weightsGiveExactSharesAndSubsetsResolveThroughDestinationRuleLabelsToPods() {
		RouteEngine engine = engine(meshRule("appa", """
				- route:
				  - {destination: {host: appa, subset: v1}, weight: 10}
				  - {destination: {host: appa, subset: v2}, weight: 90}
				"""));
		Decision decision = engine.decide(HttpRequest.get("appa", "/"), engine.source("product-v1"));
		assertThat(Routes.shares(decision)).isEqualTo(Map.of("appa-v1", "10", "appa-v2", "90"));
		assertThat(decision.destinations()).extracting(WeightedDestination::subset).containsExactly("v1", "v2");
		assertThat(decision.destinations().get(1).workload().pods()).containsExactly("appa-v2-0", "appa-v2-1");
	}

	@Test
	void aSubsetWithoutPodsOrDestinationRuleAnswers503() {
		RouteEngine engine = engine(meshRule("appb", "- route: [{destination: {host: appb, subset: v3}}]"));
		Decision decision = engine.decide(APPB, engine.source("appa-v1"));
		assertThat(decision.destinations()).singleElement().satisfies(d -> assertThat(d.available()).isFalse());
	}

	@Test
	void noMatchingRouteIs404AndUnknownHostsAreRefused() {
		RouteEngine engine = engine(meshRule("appb", "- match: [{uri: {exact: /x}}]\n  " + TO_V2));
		assertThat(engine.decide(APPB, engine.source("appa-v1")).outcome()).isEqualTo(Decision.Outcome.NO_ROUTE);
		assertThat(engine.decide(HttpRequest.get("nothing", "/"), engine.source("appa-v1")).outcome())
			.isEqualTo(Decision.Outcome.UNKNOWN_HOST);
		assertThat(engine.decide(HttpRequest.get("other.example.com", "/"), engine.source("graychain-gateway")).outcome())
			.isEqualTo(Decision.Outcome.UNKNOWN_HOST);
	}

	@Test
	void pickTurnsARandomNumberIntoADestinationByShare() {
		RouteEngine engine = engine(meshRule("appa", """
				- route:
				  - {destination: {host: appa, subset: v1}, weight: 25}
				  - {destination: {host: appa, subset: v2}, weight: 75}
				"""));
		Decision decision = engine.decide(HttpRequest.get("appa", "/"), engine.source("product-v1"));
		assertThat(decision.pick(0.0).orElseThrow().workload().name()).isEqualTo("appa-v1");
		assertThat(decision.pick(0.2499).orElseThrow().workload().name()).isEqualTo("appa-v1");
		assertThat(decision.pick(0.25).orElseThrow().workload().name()).isEqualTo("appa-v2");
		assertThat(decision.pick(0.9999).orElseThrow().workload().name()).isEqualTo("appa-v2");
	}

}
