package io.graychain.meshlab.testing;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.graychain.meshlab.analyze.Analyzer;
import io.graychain.meshlab.analyze.Finding;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.route.RouteEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small inline fixtures: appa, appb, product with v1 and v2 Deployments (appa-v2 with two pods),
 * their Services, DestinationRules, and the ingress Gateway, plus whatever rules a test adds.
 */
public final class Mesh {

	public static final String NAMESPACE = "graychain";

	private Mesh() {
	}

	/** The fixture workloads and shared rules, then {@code rules} (YAML documents). */
	public static MeshConfig of(String... rules) {
		MeshLoader loader = loader(rules);
		assertThat(loader.problems()).as("fixture reads").isEmpty();
		return new MeshConfig(NAMESPACE, loader.resources());
	}

	public static RouteEngine engine(String... rules) {
		return new RouteEngine(of(rules));
	}

	/** What the analyzer reports for the fixture plus {@code rules}. */
	public static java.util.List<Finding> findings(String... rules) {
		return Analyzer.analyze(loader(rules), NAMESPACE);
	}

	private static MeshLoader loader(String... rules) {
		MeshLoader loader = new MeshLoader().read(workloads(), "fixture.yaml");
		for (int i = 0; i < rules.length; i++) {
			loader.read(rules[i], "rule-" + i + ".yaml");
		}
		return loader;
	}

	private static String workloads() {
		return Stream.of(service("appa", 8000), service("appb", 8000), service("product", 7000),
				deployment("appa", "v1", 1), deployment("appa", "v2", 2), deployment("appb", "v1", 1),
				deployment("appb", "v2", 1), deployment("product", "v1", 1), deployment("product", "v2", 1),
				destinationRule("appa"), destinationRule("appb"), destinationRule("product"), GATEWAY)
			.collect(Collectors.joining("---\n"));
	}

	private static final String GATEWAY = """
			apiVersion: networking.istio.io/v1
			kind: Gateway
			metadata: {name: graychain-gateway}
			spec:
			  selector: {istio: ingressgateway}
			  servers:
			  - port: {number: 80, name: http, protocol: HTTP}
			    hosts: ["*"]
			""";

	private static String service(String app, int port) {
		return """
				apiVersion: v1
				kind: Service
				metadata: {name: %1$s, namespace: graychain}
				spec:
				  selector: {app: %1$s}
				  ports: [{name: http, port: %2$d}]
				""".formatted(app, port);
	}

	private static String deployment(String app, String version, int replicas) {
		return """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: %1$s-%2$s, namespace: graychain}
				spec:
				  replicas: %3$d
				  selector: {matchLabels: {app: %1$s, version: %2$s}}
				  template:
				    metadata: {labels: {app: %1$s, version: %2$s}}
				    spec:
				      containers: [{name: %1$s, image: %1$s}]
				""".formatted(app, version, replicas);
	}

	private static String destinationRule(String app) {
		return """
				apiVersion: networking.istio.io/v1beta1
				kind: DestinationRule
				metadata: {name: %1$s}
				spec:
				  host: %1$s
				  subsets:
				  - {name: v1, labels: {version: v1}}
				  - {name: v2, labels: {version: v2}}
				""".formatted(app);
	}

}
