package io.graychain.meshlab.analyze;

import java.util.List;

import io.graychain.meshlab.analyze.Finding.Code;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzerTest {

	/** A mesh VirtualService for appb with the given {@code http:} list. */
	private static String appb(String http) {
		return """
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata: {name: appb}
				spec:
				  hosts: [appb]
				  http:
				%s""".formatted(http.indent(2));
	}

	private static Finding only(List<Finding> findings, Code code) {
		assertThat(findings).as(findings.toString()).singleElement().extracting(Finding::code).isEqualTo(code);
		return findings.get(0);
	}

	@Test
	void aCorrectConfigurationHasNoFinding() {
		assertThat(Mesh.findings(appb("""
				- match: [{headers: {end-user: {exact: jason}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				- route:
				  - {destination: {host: appb, subset: v1}, weight: 80}
				  - {destination: {host: appb, subset: v2}, weight: 20}
				"""))).isEmpty();
	}

	@Test
	void unknownField() {
		Finding finding = only(Mesh.findings(appb("""
				- match: [{headerz: {end-user: {exact: jason}}}]
				  route: [{destination: {host: appb}}]
				""")), Code.UNKNOWN_FIELD);
		assertThat(finding.file()).isEqualTo("rule-0.yaml");
		assertThat(finding.field()).isEqualTo("spec.http[0].match[0].headerz");
	}

	@Test
	void subsetNoDestinationRuleDefines() {
		Finding finding = only(Mesh.findings(appb("- route: [{destination: {host: appb, subset: v3}}]")), Code.UNKNOWN_SUBSET);
		assertThat(finding.field()).isEqualTo("spec.http[0].route[0].destination.subset");
		assertThat(finding.resource()).isEqualTo("VirtualService appb");
	}

	@Test
	void subsetWhoseLabelsSelectNoPod() {
		Finding finding = only(Mesh.findings(appb("- route: [{destination: {host: appb, subset: canary}}]"), """
				apiVersion: networking.istio.io/v1
				kind: DestinationRule
				metadata: {name: appb-canary}
				spec:
				  host: appb.graychain.svc.cluster.local
				  subsets: [{name: canary, labels: {version: v9}}]
				"""), Code.SUBSET_SELECTS_NO_POD);
		assertThat(finding.message()).contains("version=v9");
	}

	@Test
	void hostThatIsNoService() {
		Finding finding = only(Mesh.findings(appb("- route: [{destination: {host: appc}}]")), Code.HOST_NOT_A_SERVICE);
		assertThat(finding.field()).isEqualTo("spec.http[0].route[0].destination.host");
	}

	@Test
	void weightsNotAddingUpTo100() {
		Finding finding = only(Mesh.findings(appb("""
				- route:
				  - {destination: {host: appb, subset: v1}, weight: 80}
				  - {destination: {host: appb, subset: v2}, weight: 30}
				""")), Code.WEIGHTS_NOT_100);
		assertThat(finding.field()).isEqualTo("spec.http[0].route");
		assertThat(finding.message()).contains("110");
	}

	@Test
	void routeAfterACatchAll() {
		Finding finding = only(Mesh.findings(appb("""
				- route: [{destination: {host: appb, subset: v1}}]
				- match: [{headers: {end-user: {exact: jason}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				""")), Code.UNREACHABLE_ROUTE);
		assertThat(finding.field()).isEqualTo("spec.http[1]");
	}

	@Test
	void sourceLabelsInARuleBoundOnlyToGateways() {
		Finding finding = only(Mesh.findings("""
				apiVersion: networking.istio.io/v1beta1
				kind: VirtualService
				metadata: {name: appa}
				spec:
				  hosts: [appa.graychain.local]
				  gateways: [graychain-gateway]
				  http:
				  - match: [{sourceLabels: {app: product}}]
				    route: [{destination: {host: appa, subset: v2}}]
				  - route: [{destination: {host: appa, subset: v1}}]
				"""), Code.SOURCE_LABELS_ON_GATEWAY_ONLY);
		assertThat(finding.field()).isEqualTo("spec.http[0].match[0].sourceLabels");
	}

	@Test
	void regexThatIsNotValidRe2() {
		Finding finding = only(Mesh.findings(appb("""
				- match: [{headers: {cookie: {regex: "^(?!user=tester).*$"}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				- route: [{destination: {host: appb, subset: v1}}]
				""")), Code.INVALID_REGEX);
		assertThat(finding.field()).isEqualTo("spec.http[0].match[0].headers.cookie.regex");
	}

	@Test
	void upperCaseHeaderName() {
		Finding finding = only(Mesh.findings(appb("""
				- match: [{headers: {End-User: {exact: jason}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				- route: [{destination: {host: appb, subset: v1}}]
				""")), Code.UPPERCASE_HEADER_NAME);
		assertThat(finding.field()).isEqualTo("spec.http[0].match[0].headers.End-User");
		assertThat(finding.isError()).as("it works: Envoy lower-cases the name").isFalse();
		assertThat(finding.toString()).startsWith("Warning [UPPERCASE_HEADER_NAME]").contains("matches as 'end-user'");
	}

	@Test
	void cookieRegexThatMissesTheBrowserForm() {
		Finding finding = only(Mesh.findings(appb("""
				- match: [{headers: {cookie: {regex: "^(.*?;)?(user=tester)(;.*)?$"}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				- route: [{destination: {host: appb, subset: v1}}]
				""")), Code.COOKIE_MATCH);
		assertThat(finding.message()).contains("misses the browser form \"a=1; user=tester\"").doesNotContain("matches \"");
		assertThat(finding.isError()).isFalse();
	}

	@Test
	void cookieRegexThatMatchesNeighbouringCookies() {
		Finding finding = only(Mesh.findings(appb("""
				- match: [{headers: {cookie: {regex: ".*user=tester.*"}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				- route: [{destination: {host: appb, subset: v1}}]
				""")), Code.COOKIE_MATCH);
		assertThat(finding.message()).contains("matches \"user=tester2\", \"superuser=tester\"");
	}

	@Test
	void cookieExactMatchMissesEveryOtherCookie() {
		Finding finding = only(Mesh.findings(appb("""
				- match: [{headers: {cookie: {exact: user=tester}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				- route: [{destination: {host: appb, subset: v1}}]
				""")), Code.COOKIE_MATCH);
		assertThat(finding.message()).contains("\"a=1; user=tester\"").contains("\"user=tester; b=2\"");
	}

	@Test
	void aCookieRegexThatHoldsEverywhereIsFine() {
		assertThat(Mesh.findings(appb("""
				- match: [{headers: {cookie: {regex: "^(.*?;\\\\s*)?(user=tester)(;.*)?$"}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				- route: [{destination: {host: appb, subset: v1}}]
				"""))).isEmpty();
	}

	@Test
	void wildcardGatewayHostBesideSpecificHosts() {
		Finding finding = only(Mesh.findings("""
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata: {name: everything}
				spec:
				  hosts: ["*"]
				  gateways: [graychain-gateway]
				  http: [{route: [{destination: {host: product, subset: v1}}]}]
				---
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata: {name: appa}
				spec:
				  hosts: [appa.graychain.local]
				  gateways: [graychain-gateway]
				  http: [{route: [{destination: {host: appa, subset: v1}}]}]
				"""), Code.WILDCARD_BESIDE_SPECIFIC_HOSTS);
		assertThat(finding.resource()).isEqualTo("VirtualService everything");
		assertThat(finding.message()).contains("appa.graychain.local (appa)").contains("404");
	}

	@Test
	void routeShadowedByAnEarlierBroaderRoute() {
		Finding finding = only(Mesh.findings(appb("""
				- match: [{uri: {prefix: /greet}}]
				  route: [{destination: {host: appb, subset: v1}}]
				- match: [{uri: {prefix: /greet/v2}, headers: {end-user: {exact: jason}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				- route: [{destination: {host: appb, subset: v1}}]
				""")), Code.SHADOWED_ROUTE);
		assertThat(finding.field()).isEqualTo("spec.http[1]");
		assertThat(finding.message()).contains("spec.http[0]");
	}

	@Test
	void whatTheEngineDoesNotFollowIsRefusedByName() {
		Finding finding = only(Mesh.findings(appb("""
				- match: [{uri: {prefix: /old}}]
				  redirect: {uri: /new}
				- route: [{destination: {host: appb, subset: v1}}]
				""")), Code.NOT_FOLLOWED);
		assertThat(finding.field()).isEqualTo("spec.http[0].redirect");
		assertThat(finding.isError()).isTrue();
	}

	/** Fault, timeout, retries and mirrors are followed, not refused by name; a value Istio's validation refuses is an error. */
	@Test
	void faultsTimeoutsRetriesAndMirrorsAreFollowedAndBadValuesRefused() {
		assertThat(Mesh.findings(appb("""
				- fault: {delay: {fixedDelay: 7s, percentage: {value: 100}}, abort: {httpStatus: 500, percentage: {value: 10}}}
				  timeout: 500ms
				  retries: {attempts: 3, perTryTimeout: 1s, retryOn: "5xx"}
				  route: [{destination: {host: appb, subset: v1}}]
				  mirror: {host: appb, subset: v2}
				  mirrorPercentage: {value: 50}
				"""))).isEmpty();
		Finding duration = only(Mesh.findings(appb("""
				- timeout: soon
				  route: [{destination: {host: appb, subset: v1}}]
				""")), Code.INVALID_POLICY);
		assertThat(duration.field()).isEqualTo("spec.http[0]");
		assertThat(duration.message()).contains("timeout 'soon' is no duration");
		assertThat(only(Mesh.findings(appb("""
				- fault: {abort: {httpStatus: 700, percentage: {value: 100}}}
				  route: [{destination: {host: appb, subset: v1}}]
				""")), Code.INVALID_POLICY).message()).contains("httpStatus 700");
	}

	@Test
	void aNarrowerRouteFirstIsNotShadowed() {
		assertThat(Mesh.findings(appb("""
				- match: [{uri: {prefix: /greet/v2}, headers: {end-user: {exact: jason}}}]
				  route: [{destination: {host: appb, subset: v2}}]
				- match: [{uri: {prefix: /greet}}]
				  route: [{destination: {host: appb, subset: v1}}]
				- route: [{destination: {host: appb, subset: v1}}]
				"""))).isEmpty();
	}

	@Test
	void brokenDelegates() {
		String root = """
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata: {name: appa}
				spec:
				  hosts: [appa]
				  http:
				  - match: [{uri: {prefix: /greet}}]
				    delegate: {name: %s}
				  - route: [{destination: {host: appa, subset: v1}}]
				""";
		assertThat(only(Mesh.findings(root.formatted("missing")), Code.BROKEN_DELEGATE).message()).contains("no VirtualService");
		assertThat(only(Mesh.findings(root.formatted("appb"), appb("- route: [{destination: {host: appb}}]")),
				Code.BROKEN_DELEGATE).message()).contains("has hosts");
		assertThat(only(Mesh.findings(root.formatted("split"), """
				apiVersion: networking.istio.io/v1alpha3
				kind: VirtualService
				metadata: {name: split}
				spec:
				  http:
				  - match: [{uri: {prefix: /other}}]
				    route: [{destination: {host: appa, subset: v2}}]
				"""), Code.BROKEN_DELEGATE).message()).contains("outside the root");
	}

	@Test
	void twoRulesForOneHostInTheMesh() {
		String second = appb("- route: [{destination: {host: appb, subset: v2}}]").replace("name: appb", "name: appb-again");
		Finding finding = only(Mesh.findings(appb("- route: [{destination: {host: appb, subset: v1}}]"), second),
				Code.CONFLICTING_VIRTUAL_SERVICES);
		assertThat(finding.resource()).isEqualTo("VirtualService appb-again");
		assertThat(finding.toString()).startsWith("Error [CONFLICTING_VIRTUAL_SERVICES] (rule-1.yaml) VirtualService appb-again spec.hosts[0]");
	}

}
