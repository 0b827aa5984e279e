package io.graychain.meshlab.explain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graychain.meshlab.kubectl.Kubectl;
import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.kustomize.ManifestException;
import io.graychain.meshlab.kustomize.ManifestReader;
import io.graychain.meshlab.kustomize.Manifests;
import io.graychain.meshlab.lab.daemon.LabState;
import io.graychain.meshlab.lab.daemon.LabTopology;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.mesh.Resource;
import io.graychain.meshlab.scenario.GatewayApiTwin;
import io.graychain.meshlab.scenario.Scenario;

/**
 * Where explain finds the rules: an overlay's files (with or without its baseline routes), the
 * rules in force in a running lab, or a cluster read with kubectl; then scenarios and rule files
 * applied in order, as {@code kubectl apply} applies them.
 */
public final class RuleSources {

	/** The kinds read from a cluster. */
	static final String CLUSTER_KINDS = "services,deployments.apps,destinationrules.networking.istio.io,"
			+ "gateways.networking.istio.io,virtualservices.networking.istio.io";

	/** The Gateway API kinds read from a cluster when its API server knows them. */
	static final String GATEWAY_API_KINDS = "gateways.gateway.networking.k8s.io,httproutes.gateway.networking.k8s.io";

	private static final Duration KUBECTL_TIMEOUT = Duration.ofSeconds(30);

	private static final ObjectMapper JSON = new ObjectMapper();

	private RuleSources() {
	}

	/** The rendered overlay; without its VirtualServices when {@code baseline} is false. */
	public static MeshConfig overlay(Path overlay, boolean baseline) {
		if (!Files.isDirectory(overlay)) {
			throw new ExplainException("no overlay folder " + overlay);
		}
		Manifests manifests;
		try {
			manifests = new Kustomizer().render(overlay);
		}
		catch (ManifestException ex) {
			throw new ExplainException("cannot render " + overlay + ": " + firstLine(ex.getMessage()));
		}
		List<Resource> resources = new MeshLoader().add(manifests, overlay + " (rendered)").resources().stream()
			.filter(r -> baseline || !"VirtualService".equals(r.kind()))
			.toList();
		return new MeshConfig(LabTopology.namespace(manifests), resources);
	}

	/**
	 * The rules in force in the lab whose state folder is {@code stateDir}: its overlay and the
	 * scenario applied last, as the lab daemon records them ({@link LabState#OVERLAY},
	 * {@link LabState#RULES}).
	 */
	public static MeshConfig lab(Path stateDir) {
		Path overlayFile = stateDir.resolve(LabState.OVERLAY);
		if (!Files.exists(stateDir.resolve("lab.pid")) || !Files.exists(overlayFile)) {
			throw new ExplainException("no running lab in " + stateDir + " (scripts/lab up starts one)");
		}
		try {
			MeshConfig config = overlay(Path.of(Files.readString(overlayFile).strip()), true);
			Path rules = stateDir.resolve(LabState.RULES);
			if (!Files.exists(rules)) {
				return config;
			}
			// a Gateway API twin replaced the VirtualServices of the hosts it routes, as the lab applied it
			MeshLoader loader = new MeshLoader().read(rules);
			if (!loader.problems().isEmpty()) {
				throw new ExplainException("cannot read the lab's rules " + rules + ": " + firstLine(loader.problems().get(0).message()));
			}
			return GatewayApiTwin.apply(config, loader.resources());
		}
		catch (IOException ex) {
			throw new ExplainException("cannot read the lab's state in " + stateDir + ": " + ex.getMessage());
		}
	}

	/**
	 * Services, Deployments, DestinationRules, Gateways and VirtualServices of {@code namespace}, read
	 * with kubectl; Gateway API Gateways and HTTPRoutes too when the cluster has their CRDs.
	 */
	public static MeshConfig cluster(Kubectl kubectl, String namespace) {
		List<JsonNode> items = new ArrayList<>(get(kubectl, CLUSTER_KINDS, namespace, false));
		items.addAll(get(kubectl, GATEWAY_API_KINDS, namespace, true));
		items.sort(Comparator.comparing(i -> i.path("metadata").path("creationTimestamp").asText("")));
		List<Integer> created = new ArrayList<>();
		String last = null;
		for (JsonNode item : items) {
			String time = item.path("metadata").path("creationTimestamp").asText("");
			created.add(created.isEmpty() ? 0 : created.get(created.size() - 1) + (time.equals(last) ? 0 : 1));
			last = time;
			((ObjectNode) item).remove("status");
			((ObjectNode) item.path("metadata")).remove("managedFields");
		}
		try {
			Manifests manifests = ManifestReader.read(items, "cluster namespace " + namespace);
			return new MeshConfig(namespace, new MeshLoader().add(manifests, "cluster").resources(), created);
		}
		catch (ManifestException ex) {
			throw new ExplainException("cannot read what kubectl printed: " + firstLine(ex.getMessage()));
		}
	}

	/** The items {@code kubectl get kinds -n namespace -o json} lists; none when {@code optional} kinds are unknown to the cluster. */
	private static List<JsonNode> get(Kubectl kubectl, String kinds, String namespace, boolean optional) {
		Kubectl.Run run = kubectl.run(List.of("get", kinds, "-n", namespace, "-o", "json"), KUBECTL_TIMEOUT);
		if (run.timedOut()) {
			throw new ExplainException("kubectl get did not answer within " + KUBECTL_TIMEOUT.toSeconds() + " s");
		}
		if (run.exit() != 0 && optional && run.err().contains("doesn't have a resource type")) {
			return List.of();
		}
		if (run.exit() != 0) {
			throw new ExplainException("kubectl get " + kinds + " -n " + namespace + " failed: " + firstLine(run.err()));
		}
		List<JsonNode> items = new ArrayList<>();
		try {
			JSON.readTree(run.out()).path("items").forEach(items::add);
		}
		catch (IOException ex) {
			throw new ExplainException("kubectl get printed no JSON list: " + firstLine(ex.getMessage()));
		}
		return items;
	}

	/** A scenario (by name or folder) or a rules file, applied over what came before. */
	public record Layer(boolean scenario, String value) {

		static Layer scenario(String nameOrPath) {
			return new Layer(true, nameOrPath);
		}

		static Layer rules(String file) {
			return new Layer(false, file);
		}

	}

	/** {@code layers} applied in order; a scenario name is looked up in {@code scenariosDir}. */
	public static MeshConfig apply(MeshConfig config, List<Layer> layers, Path scenariosDir) {
		return apply(config, layers, scenariosDir, false);
	}

	/**
	 * {@code layers} applied in order; with {@code gatewayApi}, a scenario layer applies the
	 * scenario's Gateway API twin instead of its Istio rules ({@link GatewayApiTwin}).
	 */
	public static MeshConfig apply(MeshConfig config, List<Layer> layers, Path scenariosDir, boolean gatewayApi) {
		MeshConfig out = config;
		for (Layer layer : layers) {
			boolean twin = gatewayApi && layer.scenario();
			List<Path> files = twin ? twinFiles(layer, scenariosDir) : files(layer, scenariosDir);
			MeshLoader loader = new MeshLoader();
			files.forEach(loader::read);
			if (!loader.problems().isEmpty()) {
				var p = loader.problems().get(0);
				throw new ExplainException("cannot read " + p.file() + (p.field().isEmpty() ? "" : " " + p.field()) + ": "
						+ firstLine(p.message()));
			}
			out = twin ? GatewayApiTwin.apply(out, loader.resources()) : out.apply(loader.resources());
		}
		return out;
	}

	private static List<Path> twinFiles(Layer layer, Path scenariosDir) {
		files(layer, scenariosDir); // the same answer as without --gateway-api for a scenario that does not exist
		String value = layer.value();
		Path dir = !value.contains("/") && scenariosDir != null && Files.isDirectory(scenariosDir.resolve(value))
				? scenariosDir.resolve(value) : Path.of(value);
		Scenario scenario = new Scenario(dir.getFileName().toString(), dir);
		if (!scenario.hasGatewayApiTwin()) {
			throw new ExplainException("scenario '" + layer.value() + "' has no Gateway API twin (no " + Scenario.GATEWAY_API
					+ "/ folder); its README says what to use instead");
		}
		return scenario.gatewayApiFiles();
	}

	private static List<Path> files(Layer layer, Path scenariosDir) {
		String value = layer.value();
		if (layer.scenario() && !value.contains("/") && scenariosDir != null && Files.isDirectory(scenariosDir.resolve(value))) {
			return new Scenario(value, scenariosDir.resolve(value)).istioFiles();
		}
		Path path = Path.of(value);
		if (!Files.exists(path)) {
			String known = layer.scenario() && scenariosDir != null && Files.isDirectory(scenariosDir)
					? "; scenarios: " + Scenario.all(scenariosDir).stream().map(Scenario::name).collect(Collectors.joining(", "))
					: "";
			throw new ExplainException((layer.scenario() ? "no scenario '" : "no rules file '") + value + "'" + known);
		}
		return Files.isDirectory(path) ? new Scenario(path.getFileName().toString(), path).istioFiles() : List.of(path);
	}

	private static String firstLine(String message) {
		String m = message == null ? "" : message.strip();
		int nl = m.indexOf('\n');
		return nl < 0 ? m : m.substring(0, nl);
	}

}
