package io.graychain.meshlab.kustomize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;

/**
 * Reads (multi-document) Kubernetes YAML into fabric8's typed Kubernetes and Istio models, strictly:
 * a field the model does not know, or a kind no model on the classpath describes, is an error rather
 * than something silently kept aside (fabric8 would otherwise store it in "additionalProperties").
 */
public final class ManifestReader {

	private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.registerModule(new SimpleModule("graychain-strict").setDeserializerModifier(new NoCatchAll()));

	private ManifestReader() {
	}

	/** Every resource in a YAML file, e.g. a scenario's rules. */
	public static Manifests read(Path file) {
		try {
			return read(Files.readString(file), file.toString());
		}
		catch (IOException ex) {
			throw new ManifestException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Every non-empty document of {@code yaml} as a typed resource; {@code source} names it in errors. */
	public static Manifests read(String yaml, String source) {
		return read(Yaml.documents(yaml, source), source);
	}

	/** Every document, already parsed (e.g. a {@link Kustomizer} build), as a typed resource. */
	public static Manifests read(List<? extends JsonNode> documents, String source) {
		List<HasMetadata> resources = new ArrayList<>();
		for (int index = 0; index < documents.size(); index++) {
			resources.add(typed(documents.get(index), source + " document " + (index + 1)));
		}
		return new Manifests(resources);
	}

	private static HasMetadata typed(JsonNode document, String where) {
		String what = where + " (" + document.path("kind").asText("?") + " "
				+ document.path("metadata").path("name").asText("?") + ")";
		KubernetesResource resource;
		try {
			resource = STRICT.treeToValue(document, KubernetesResource.class);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new ManifestException(what + ": " + ex.getMessage(), ex);
		}
		if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata typed)) {
			throw new ManifestException(what + ": no typed model for apiVersion "
					+ document.path("apiVersion").asText("?") + " kind " + document.path("kind").asText("?"));
		}
		return typed;
	}

	/** Removes the models' catch-all setter so that unknown fields fail instead of being kept aside. */
	private static final class NoCatchAll extends BeanDeserializerModifier {

		@Override
		public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
				BeanDeserializerBuilder builder) {
			if (description.getBeanClass().getName().startsWith("io.fabric8.")) {
				builder.setAnySetter(null);
			}
			return builder;
		}

	}

}
