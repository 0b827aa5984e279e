package io.graychain.meshlab.kustomize;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** Multi-document YAML to and from Jackson trees, for the renderer. */
final class Yaml {

	static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
		.disable(YAMLGenerator.Feature.SPLIT_LINES)
		.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
		.enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
		.disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
		.enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.build());

	private Yaml() {
	}

	/** Every non-empty document; each must be a mapping. {@code source} names the text in errors. */
	static List<ObjectNode> documents(String yaml, String source) {
		List<ObjectNode> documents = new ArrayList<>();
		try (var values = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
			int index = 0;
			while (values.hasNextValue()) {
				JsonNode document = values.nextValue();
				index++;
				if (document == null || document.isNull() || document.isMissingNode()) {
					continue;
				}
				if (!(document instanceof ObjectNode object)) {
					throw new ManifestException(source + " document " + index + " is not a mapping");
				}
				if (!object.isEmpty()) {
					documents.add(object);
				}
			}
		}
		catch (IOException ex) {
			throw new ManifestException(source + ": not valid YAML: " + ex.getMessage(), ex);
		}
		return documents;
	}

	/** The documents as one YAML stream, separated by {@code ---}. */
	static String write(List<? extends JsonNode> documents) {
		if (documents.isEmpty()) {
			return "";
		}
		StringWriter out = new StringWriter();
		try (JsonGenerator generator = MAPPER.createGenerator(out);
				SequenceWriter writer = MAPPER.writer().writeValues(generator)) {
			writer.writeAll(documents);
		}
		catch (IOException ex) {
			throw new ManifestException("cannot write YAML: " + ex.getMessage(), ex);
		}
		return out.toString();
	}

}
