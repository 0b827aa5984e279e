package io.graychain.meshlab.scenario;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.graychain.meshlab.kustomize.ManifestException;

/** Reads {@code expect.yaml} strictly: unknown fields and missing required fields fail. */
public final class ExpectationReader {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

	private ExpectationReader() {
	}

	private static String firstLine(String message) {
		return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
	}

	public static Expectation read(Path file) {
		try {
			Expectation expectation = YAML.readValue(file.toFile(), Expectation.class);
			for (ExpectedRequest request : expectation.requests()) {
				if (request.shares().isEmpty() && request.statuses() == null) {
					throw new ManifestException(file + ": request '" + request.name() + "' names neither chain nor shares nor statuses");
				}
			}
			return expectation;
		}
		catch (IOException ex) {
			// a key's own check (statuses, latency) says what is wrong in one line
			Throwable cause = ex.getCause() instanceof IllegalArgumentException bad ? bad : ex;
			throw new ManifestException(file + ": " + firstLine(cause.getMessage()), ex);
		}
	}

}
