package io.graychain.meshlab.mesh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeshConfigTest {

	private static final String RULES = """
			apiVersion: networking.istio.io/%1$s
			kind: VirtualService
			metadata: {name: vs-%2$s}
			spec:
			  hosts: [appa]
			  http: [{route: [{destination: {host: appa}}]}]
			---
			apiVersion: networking.istio.io/%1$s
			kind: DestinationRule
			metadata: {name: dr-%2$s, namespace: other}
			spec:
			  host: appa.graychain.svc.cluster.local
			  subsets: [{name: v1, labels: {version: v1}}]
			---
			apiVersion: networking.istio.io/%1$s
			kind: Gateway
			metadata: {name: gw-%2$s}
			spec:
			  selector: {istio: ingressgateway}
			  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*.graychain.local"]}]
			""";

	private static MeshConfig read(String yaml) {
		MeshLoader loader = new MeshLoader().read(yaml, "inline");
		assertThat(loader.problems()).isEmpty();
		return new MeshConfig("graychain", loader.resources());
	}

	@Test
	void readsV1V1beta1AndV1alpha3Alike() {
		MeshConfig config = read(RULES.formatted("v1", "a") + "---\n" + RULES.formatted("v1beta1", "b") + "---\n"
				+ RULES.formatted("v1alpha3", "c"));
		assertThat(config.virtualServices()).extracting(VirtualServiceDef::name).containsExactly("vs-a", "vs-b", "vs-c");
		assertThat(config.destinationRules()).extracting(DestinationRuleDef::namespace).containsOnly("other");
		assertThat(config.gateways()).allSatisfy(g -> {
			assertThat(g.accepts("appa.graychain.local")).isTrue();
			assertThat(g.accepts("example.com")).isFalse();
		});
		assertThat(config.virtualServices().get(0).qualifiedHosts()).containsExactly("appa.graychain.svc.cluster.local");
	}

	@Test
	void applyReplacesTheSameKindAndNameInAnyVersionAndAddsTheRest() {
		MeshConfig base = read(RULES.formatted("v1", "a"));
		MeshConfig changed = base.apply(new MeshLoader().read(RULES.formatted("v1alpha3", "a").split("---")[0]
				.replace("host: appa}", "host: appb}") + "---\n" + RULES.formatted("v1", "new").split("---")[0], "change")
			.resources());
		assertThat(changed.virtualServices()).extracting(VirtualServiceDef::name).containsExactly("vs-a", "vs-new");
		assertThat(changed.virtualServices().get(0).http().get(0).getRoute().get(0).getDestination().getHost()).isEqualTo("appb");
		assertThat(changed.destinationRules()).hasSize(1);
	}

	@Test
	void hostNamesQualifyShortNamesAndKeepOthers() {
		assertThat(HostNames.qualify("appb:8000", "graychain")).isEqualTo("appb.graychain.svc.cluster.local");
		assertThat(HostNames.qualify("appb.graychain", "x")).isEqualTo("appb.graychain.svc.cluster.local");
		assertThat(HostNames.qualify("APPA.graychain.local", "x")).isEqualTo("appa.graychain.local");
		assertThat(HostNames.covers("*", "anything")).isTrue();
		assertThat(HostNames.covers("*.graychain.local", "appa.graychain.local")).isTrue();
		assertThat(HostNames.covers("*.graychain.local", "graychain.local")).isFalse();
	}

	@Test
	void unreadableFilesAreCollectedWithTheirFieldPath() {
		MeshLoader loader = new MeshLoader().read("""
				apiVersion: networking.istio.io/v1
				kind: VirtualService
				metadata: {name: bad}
				spec:
				  hosts: [appa]
				  http: [{route: [{destination: {host: appa, subzet: v1}}]}]
				""", "bad.yaml").read("kind: Nothing\napiVersion: example.com/v1\nmetadata: {name: x}\n", "unknown.yaml");
		assertThat(loader.problems()).extracting(ReadProblem::file).containsExactly("bad.yaml", "unknown.yaml");
		assertThat(loader.problems().get(0).field()).isEqualTo("spec.http[0].route[0].destination.subzet");
		assertThat(loader.resources()).isEmpty();
		assertThat(MeshLoader.yamlFiles(java.nio.file.Path.of("no-such-file.yaml"))).hasSize(1);
	}

}
