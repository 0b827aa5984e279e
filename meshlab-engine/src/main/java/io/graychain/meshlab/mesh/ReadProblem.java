package io.graychain.meshlab.mesh;

/**
 * A file or document that could not be read into a typed model (unknown field, unknown kind, bad YAML).
 *
 * @param file the file
 * @param field the field path, e.g. {@code spec.http[0].match[0].headerz}, or empty when unknown
 * @param message what went wrong
 */
public record ReadProblem(String file, String field, String message) {
}
