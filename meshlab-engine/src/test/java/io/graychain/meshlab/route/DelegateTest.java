package io.graychain.meshlab.route;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.graychain.meshlab.route.Routes.engine;
import static io.graychain.meshlab.route.Routes.where;
import static org.assertj.core.api.Assertions.assertThat;

class DelegateTest {

	private static final String ROOT = """
			apiVersion: networking.istio.io/v1beta1
			kind: VirtualService
			metadata: {name: appa}
			spec:
			  hosts: [appa.graychain.local, appa]
			  gateways: [graychain-gateway, mesh]
			  http:
			  - match: [{uri: {prefix: /greet}}]
			    delegate: {name: %s}
			  - route: [{destination: {host: appa, subset: v1}}]
			""";

	private static final String DELEGATE = """
			apiVersion: networking.istio.io/v1alpha3
			kind: VirtualService
			metadata: {name: appa-greet}
			spec:
			  http:
			  - match: [{uri: {prefix: /greet/jason}}]
			    route: [{destination: {host: appa, subset: v2}}]
			  - match: [{uri: {prefix: /other}}]
			    route: [{destination: {host: appb, subset: v2}}]
			  - route:
			    - {destination: {host: appa, subset: v1}, weight: 50}
			    - {destination: {host: appa, subset: v2}, weight: 50}
			""";

	@Test
	void theDelegatesRoutesReplaceTheRootRouteWithMergedMatches() {
		RouteEngine engine = engine(ROOT.formatted("appa-greet"), DELEGATE);
		assertThat(where(engine, HttpRequest.get("appa.graychain.local", "/greet/jason"), "graychain-gateway"))
			.isEqualTo(Map.of("appa-v2", "100"));
		assertThat(where(engine, HttpRequest.get("appa.graychain.local", "/greet"), "graychain-gateway"))
			.isEqualTo(Map.of("appa-v1", "50", "appa-v2", "50"));
		assertThat(where(engine, HttpRequest.get("appa.graychain.local", "/"), "graychain-gateway"))
			.isEqualTo(Map.of("appa-v1", "100"));
	}

	@Test
	void aDelegateRouteOutsideTheRootsMatchIsDropped() {
		RouteEngine engine = engine(ROOT.formatted("appa-greet"), DELEGATE);
		assertThat(where(engine, HttpRequest.get("appa.graychain.local", "/other"), "graychain-gateway"))
			.isEqualTo(Map.of("appa-v1", "100"));
		assertThat(engine.decide(HttpRequest.get("appa", "/greet/other"), engine.source("product-v1")).reason())
			.isEqualTo("appa > appa-greet/spec.http[2]");
	}

	@Test
	void aMissingDelegateContributesNoRoute() {
		RouteEngine engine = engine(ROOT.formatted("nowhere"));
		assertThat(where(engine, HttpRequest.get("appa", "/greet/jason"), "product-v1")).isEqualTo(Map.of("appa-v1", "100"));
	}

	@Test
	void aDelegateWithHostsIsNotUsed() {
		RouteEngine engine = engine(ROOT.formatted("appb"), Routes.meshRule("appb", "- route: [{destination: {host: appb}}]"));
		assertThat(where(engine, HttpRequest.get("appa", "/greet"), "product-v1")).isEqualTo(Map.of("appa-v1", "100"));
	}

}
