package io.graychain.meshlab.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.graychain.meshlab.mesh.MeshLoader;

/**
 * A folder {@code istio/scenarios/<name>/}: the Istio YAML to apply and its expectation.
 *
 * @param name the folder name
 * @param dir the folder
 */
public record Scenario(String name, Path dir) {

	/** The folder of the Gateway API twin, if the scenario has one. */
	public static final String GATEWAY_API = "gateway-api";

	/**
	 * The Istio YAML files to apply, in the order {@link ApplyPlan} applies them: DestinationRules,
	 * then VirtualServices with a delegate before its root (the Gateway API twin excluded).
	 */
	public List<Path> istioFiles() {
		return ApplyPlan.files(dir);
	}

	public Path expectationFile() {
		return dir.resolve("expect.yaml");
	}

	public Expectation expectation() {
		return ExpectationReader.read(expectationFile());
	}

	/**
	 * The YAML of the Gateway API twin as its kustomization lists it: the shared
	 * {@code istio/gateway-api/} (the Gateway graychain-http, the per-version Services), then the
	 * twin's own files.
	 */
	public List<Path> gatewayApiFiles() {
		List<Path> files = new java.util.ArrayList<>(MeshLoader.yamlFiles(dir.getParent().getParent().resolve(GATEWAY_API)));
		files.addAll(MeshLoader.yamlFiles(dir.resolve(GATEWAY_API)));
		return files;
	}

	public boolean hasGatewayApiTwin() {
		return Files.isDirectory(dir.resolve(GATEWAY_API));
	}

	/** Every scenario folder below {@code scenariosDir}, by name. */
	public static List<Scenario> all(Path scenariosDir) {
		try (var dirs = Files.list(scenariosDir)) {
			return dirs.filter(Files::isDirectory).sorted().map(d -> new Scenario(d.getFileName().toString(), d)).toList();
		}
		catch (java.io.IOException ex) {
			throw new io.graychain.meshlab.kustomize.ManifestException("cannot list " + scenariosDir + ": " + ex.getMessage(), ex);
		}
	}

}
