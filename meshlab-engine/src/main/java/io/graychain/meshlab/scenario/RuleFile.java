package io.graychain.meshlab.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.graychain.meshlab.kustomize.ManifestException;

/**
 * One YAML file of Istio rules as {@code kubectl apply -f} sees it: the kind and name of its (first)
 * resource, and for a VirtualService the delegates its routes name.
 *
 * @param file the file
 * @param kind e.g. {@code VirtualService}
 * @param name its {@code metadata.name}
 * @param delegates the VirtualServices its {@code http[].delegate} routes hand over to, by name
 */
public record RuleFile(Path file, String kind, String name, List<String> delegates) {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	public static final String DESTINATION_RULE = "DestinationRule";

	public static final String VIRTUAL_SERVICE = "VirtualService";

	public RuleFile {
		delegates = List.copyOf(delegates);
	}

	public static RuleFile read(Path file) {
		try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
			JsonNode resource = documents.hasNext() ? documents.next() : YAML.createObjectNode();
			List<String> delegates = new ArrayList<>();
			for (JsonNode http : resource.path("spec").path("http")) {
				String delegate = http.path("delegate").path("name").asText("");
				if (!delegate.isEmpty()) {
					delegates.add(delegate);
				}
			}
			return new RuleFile(file, resource.path("kind").asText(""), resource.path("metadata").path("name").asText(""), delegates);
		}
		catch (IOException | RuntimeException ex) {
			throw new ManifestException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	public boolean isDestinationRule() {
		return DESTINATION_RULE.equals(kind);
	}

	public boolean isVirtualService() {
		return VIRTUAL_SERVICE.equals(kind);
	}

}
