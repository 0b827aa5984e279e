package io.graychain.meshlab.kustomize;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Multi-document YAML to and from Jackson trees, read as kustomize reads it: YAML 1.2 scalars
 * ({@link Scalars}), anchors and aliases resolved, a key twice in one mapping refused, merge keys
 * ({@code <<}) and other tags refused by name. Written with quotes wherever a reader could take a
 * string for something else.
 */
final class Yaml {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
		.disable(YAMLGenerator.Feature.SPLIT_LINES)
		.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
		.enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
		.disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
		.stringQuotingChecker(new Quoting())
		.build());

	private Yaml() {
	}

	/** Every non-empty document; each must be a mapping. {@code source} names the text in errors. */
	static List<ObjectNode> documents(String yaml, String source) {
		List<ObjectNode> documents = new ArrayList<>();
		int index = 0;
		for (JsonNode document : nodes(yaml, source)) {
			index++;
			if (!(document instanceof ObjectNode object)) {
				throw new ManifestException(source + " document " + index + " is not a mapping");
			}
			if (!object.isEmpty()) {
				documents.add(object);
			}
		}
		return documents;
	}

	/** Every document that is not empty, whatever it holds (a patch may be a list). */
	static List<JsonNode> nodes(String yaml, String source) {
		LoaderOptions options = new LoaderOptions();
		org.yaml.snakeyaml.Yaml reader = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options),
				new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
				new org.yaml.snakeyaml.DumperOptions(), options, new NoImplicitTypes());
		List<JsonNode> documents = new ArrayList<>();
		try {
			for (Node node : reader.composeAll(new StringReader(yaml))) {
				JsonNode document = convert(node, source);
				if (!document.isNull()) {
					documents.add(document);
				}
			}
		}
		catch (YAMLException ex) {
			throw new ManifestException(source + ": not valid YAML: " + ex.getMessage(), ex);
		}
		return documents;
	}

	private static JsonNode convert(Node node, String source) {
		String where = source + " line " + (node.getStartMark().getLine() + 1);
		if (node instanceof MappingNode mapping) {
			ObjectNode object = NODES.objectNode();
			for (NodeTuple tuple : mapping.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.isPlain() && key.getValue().equals("<<")) {
					throw new ManifestException(where + ": only plain keys are supported (no merge keys '<<', no complex keys)");
				}
				if (object.has(key.getValue())) {
					throw new ManifestException(where + ": key '" + key.getValue() + "' appears twice in one mapping");
				}
				object.set(key.getValue(), convert(tuple.getValueNode(), source));
			}
			return object;
		}
		if (node instanceof SequenceNode sequence) {
			ArrayNode array = NODES.arrayNode();
			sequence.getValue().forEach(element -> array.add(convert(element, source)));
			return array;
		}
		ScalarNode scalar = (ScalarNode) node;
		Tag tag = scalar.getTag();
		if (tag.equals(Tag.STR)) {
			return scalar.isPlain() ? Scalars.plain(scalar.getValue()) : TextNode.valueOf(scalar.getValue());
		}
		if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
			JsonNode value = Scalars.plain(scalar.getValue());
			if (!value.isTextual()) {
				return value;
			}
		}
		throw new ManifestException(where + ": tag " + tag + " on '" + scalar.getValue() + "' is not supported");
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

	/** Every plain scalar stays a string, so that {@link Scalars} alone decides what it means. */
	private static final class NoImplicitTypes extends Resolver {

		@Override
		protected void addImplicitResolvers() {
		}

	}

	/** Quotes what Jackson would, and every string a YAML 1.1 or 1.2 reader would read as no string. */
	private static final class Quoting extends StringQuotingChecker.Default {

		private static final long serialVersionUID = 1L;

		@Override
		public boolean needToQuoteValue(String value) {
			return super.needToQuoteValue(value) || Scalars.needsQuotes(value);
		}

		@Override
		public boolean needToQuoteName(String name) {
			return super.needToQuoteName(name) || Scalars.needsQuotes(name);
		}

	}

}
