package io.graychain.meshlab.mesh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.graychain.meshlab.kustomize.ManifestException;
import io.graychain.meshlab.kustomize.ManifestReader;
import io.graychain.meshlab.kustomize.Manifests;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML files into {@link Resource}s with the strict typed reader, collecting what cannot be read
 * instead of stopping at the first problem.
 */
public final class MeshLoader {

	private final List<Resource> resources = new ArrayList<>();

	private final List<ReadProblem> problems = new ArrayList<>();

	/** Reads one YAML text; {@code source} names it in resources and problems. */
	public MeshLoader read(String yaml, String source) {
		try {
			add(ManifestReader.read(yaml, source), source);
		}
		catch (ManifestException ex) {
			problems.add(new ReadProblem(source, fieldPath(ex.getCause()), plain(ex)));
		}
		return this;
	}

	/** Adds resources already read (e.g. a rendered overlay); {@code source} names them. */
	public MeshLoader add(Manifests manifests, String source) {
		manifests.resources().forEach(r -> resources.add(new Resource(r, source)));
		return this;
	}

	/** Reads a YAML file, or every {@code *.yaml} file below a directory except kustomizations and expectation files. */
	public MeshLoader read(Path path) {
		for (Path file : yamlFiles(path)) {
			try {
				read(Files.readString(file), file.toString());
			}
			catch (IOException ex) {
				problems.add(new ReadProblem(file.toString(), "", "cannot read: " + ex.getMessage()));
			}
		}
		return this;
	}

	public List<Resource> resources() {
		return List.copyOf(resources);
	}

	public List<ReadProblem> problems() {
		return List.copyOf(problems);
	}

	/** The YAML files at {@code path} in a stable order, skipping kustomization files. */
	public static List<Path> yamlFiles(Path path) {
		if (!Files.isDirectory(path)) {
			return List.of(path);
		}
		try (Stream<Path> walk = Files.walk(path)) {
			return walk.filter(Files::isRegularFile)
				.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
				.filter(p -> !p.getFileName().toString().startsWith("kustomization."))
				.filter(p -> !p.getFileName().toString().equals("expect.yaml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new ManifestException("cannot list " + path + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * What is wrong, in words that quote neither the text read nor the reader's Java classes (a
	 * parser's own message does both): the unknown field's name, a wrong type, or where the YAML breaks.
	 */
	static String plain(ManifestException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + printable(unknown.getPropertyName()) + "'";
		}
		if (cause instanceof MismatchedInputException) {
			return "a value of the wrong type, or a field that does not belong there";
		}
		if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
			return "not valid YAML at line " + (marked.getProblemMark().getLine() + 1) + ", column "
					+ (marked.getProblemMark().getColumn() + 1);
		}
		if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
			return "cannot be read at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
		}
		if (cause != null) {
			return "cannot be read as an Istio or Kubernetes resource";
		}
		// our own messages name the document and at most a key or a kind
		return printable(ex.getMessage());
	}

	private static String printable(String text) {
		String line = text == null ? "" : text.lines().findFirst().orElse("");
		return line.length() > 160 ? line.substring(0, 160) + "..." : line;
	}

	/** Jackson's reference chain as a dotted field path, e.g. {@code spec.http[0].matchh}. */
	static String fieldPath(Throwable cause) {
		if (!(cause instanceof JsonMappingException mapping)) {
			return "";
		}
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : mapping.getPath()) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
