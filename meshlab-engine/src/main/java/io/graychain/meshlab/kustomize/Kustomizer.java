package io.graychain.meshlab.kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds a kustomization in Java, so that the local lab needs nothing but a JDK. It implements the
 * part of kustomize that {@code k8s/} and {@code istio/} use: {@code resources} (files and other
 * kustomizations), {@code components}, {@code patches} (strategic merge, by target or by name,
 * {@code $patch: delete}), {@code namespace}, {@code images} and {@code replacements}, and prints
 * the result in kubectl's order. Anything else in a kustomization is refused by name. A test renders
 * every shipped kustomization both ways and requires the same resources as {@code kubectl kustomize}.
 *
 * <pre>{@code
 * Manifests v2 = new Kustomizer().render(Path.of("k8s/overlays/v2"));
 * }</pre>
 */
public final class Kustomizer {

	private static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

	/** The build of {@code dir} as typed resources. */
	public Manifests render(Path dir) {
		return ManifestReader.read(build(dir), dir + " (built)");
	}

	/** The build of {@code dir} as one YAML stream, in kubectl's order. */
	public String renderYaml(Path dir) {
		return Yaml.write(build(dir));
	}

	/** The build of {@code dir}: resources in kubectl's order, without local-config resources. */
	public List<ObjectNode> build(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new ManifestException("not a directory: " + dir.toAbsolutePath());
		}
		Resources resources = new Resources();
		accumulate(Kustomization.load(dir.toAbsolutePath().normalize()), resources, new ArrayDeque<>());
		return resources.all().stream()
			.filter(r -> !"true".equals(r.path("metadata").path("annotations").path(LOCAL_CONFIG).asText()))
			.sorted((a, b) -> ResourceId.LEGACY_ORDER.compare(ResourceId.of(a), ResourceId.of(b)))
			.toList();
	}

	/** A {@code kind: List} stands for its items, as in kustomize; any other resource for itself. */
	private static List<ObjectNode> unpackLists(ObjectNode resource) {
		if (!resource.path("kind").asText().equals("List") || !resource.path("items").isArray()) {
			return List.of(resource);
		}
		List<ObjectNode> items = new java.util.ArrayList<>();
		resource.path("items").forEach(item -> {
			if (!(item instanceof ObjectNode object)) {
				throw new ManifestException("a List item is not a mapping: " + item);
			}
			items.add(object);
		});
		return items;
	}

	/** Adds what {@code kustomization} makes to {@code into}; a Component transforms all of {@code into}. */
	private void accumulate(Kustomization kustomization, Resources into, Deque<Path> visiting) {
		Path dir = kustomization.dir();
		if (visiting.contains(dir)) {
			throw new ManifestException("kustomizations include each other: " + visiting + " -> " + dir);
		}
		visiting.push(dir);
		String where = Kustomization.fileOf(dir).toString();
		for (String name : kustomization.resources()) {
			Path path = Sources.resolve(dir, name, where);
			if (Files.isDirectory(path)) {
				Kustomization child = Kustomization.load(path);
				if (child.component()) {
					throw new ManifestException(where + ": '" + name + "' is a Component: list it under components");
				}
				Resources built = new Resources();
				accumulate(child, built, visiting);
				into.addAll(built, where + " (" + name + ")");
			}
			else {
				Yaml.documents(Sources.readInside(dir, name, where), path.toString())
					.forEach(resource -> unpackLists(resource).forEach(r -> into.add(r, path.toString())));
			}
		}
		for (String name : kustomization.components()) {
			Kustomization component = Kustomization.load(Sources.resolve(dir, name, where));
			if (!component.component()) {
				throw new ManifestException(where + ": '" + name + "' is not a kind: Component");
			}
			accumulate(component, into, visiting);
		}
		Patches.apply(kustomization, into);
		kustomization.namespace().ifPresent(namespace -> Transformers.namespace(namespace, into, where));
		Transformers.images(kustomization.images(), into, where);
		Replacements.apply(kustomization, into);
		visiting.pop();
	}

}
