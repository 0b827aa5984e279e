package io.graychain.meshlab.lab.daemon;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.kustomize.ManifestException;
import io.graychain.meshlab.kustomize.Manifests;
import io.graychain.meshlab.lab.pods.PodPlan;
import io.graychain.meshlab.lab.pods.PodSpec;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.MeshLoader;

/**
 * What a lab runs, read from the rendered overlay: the pods with their runnable jars, and the mesh
 * configuration (Services, workloads, Gateway, DestinationRules, baseline) the route engine starts from.
 *
 * @param base the overlay's mesh configuration
 * @param pods every pod, in manifest order
 * @param jars the runnable jar of every pod, by pod name
 * @param manifests the rendered overlay, for pods made anew (a changed environment)
 */
public record LabTopology(MeshConfig base, List<PodSpec> pods, Map<String, Path> jars, Manifests manifests) {

	public LabTopology {
		pods = List.copyOf(pods);
		jars = Map.copyOf(jars);
	}

	/** Renders {@code options.overlay()} and finds every jar; fails naming every jar that is missing. */
	public static LabTopology load(LabOptions options, Kustomizer renderer) {
		String source = options.overlay() + " (rendered)";
		Manifests manifests = renderer.render(options.overlay());
		MeshLoader loader = new MeshLoader().add(manifests, source);
		MeshConfig base = new MeshConfig(namespace(manifests), loader.resources());
		List<PodSpec> pods = PodPlan.of(manifests);
		if (pods.isEmpty()) {
			throw new ManifestException(source + " has no Deployment: nothing to run");
		}
		Map<String, Path> jars = new LinkedHashMap<>();
		pods.forEach(p -> options.jars().find(p.module()).ifPresent(jar -> jars.put(p.name(), jar)));
		String missing = pods.stream().filter(p -> !jars.containsKey(p.name())).map(p -> options.jars().expected(p.module()))
			.distinct().collect(Collectors.joining("\n  "));
		if (!missing.isEmpty()) {
			throw new ManifestException("runnable jars missing (build them: ./mvnw -DskipTests package):\n  " + missing);
		}
		return new LabTopology(base, pods, jars, manifests);
	}

	/** The namespace of the overlay: its Namespace resource, else that of its first resource. */
	public static String namespace(Manifests manifests) {
		return manifests.all(Namespace.class).stream().map(n -> n.getMetadata().getName()).findFirst()
			.or(() -> manifests.resources().stream().map(HasMetadata::getMetadata)
				.map(m -> m.getNamespace()).filter(n -> n != null && !n.isBlank()).findFirst())
			.orElse("default");
	}

}
