package io.graychain.meshlab.kustomize;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization directory with {@code kubectl kustomize} and reads the output into typed
 * fabric8 objects ({@link ManifestReader}: unknown fields and unknown kinds fail).
 *
 * <pre>{@code
 * Manifests v2 = KustomizeRenderer.find().orElseThrow().render(Path.of("k8s/overlays/v2"));
 * Deployment appa = v2.get(Deployment.class, "appa-v2");
 * }</pre>
 */
public final class KustomizeRenderer {

	/** Environment variable that may name the kubectl executable; otherwise {@code kubectl} on the PATH. */
	public static final String KUBECTL_ENV = "KUBECTL";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Path kubectl;

	public KustomizeRenderer(Path kubectl) {
		this.kubectl = kubectl;
	}

	/** A renderer using {@code $KUBECTL} or {@code kubectl} on the PATH; empty when there is none. */
	public static Optional<KustomizeRenderer> find() {
		String named = System.getenv(KUBECTL_ENV);
		if (named != null && !named.isBlank()) {
			Path path = Path.of(named);
			return Files.isExecutable(path) ? Optional.of(new KustomizeRenderer(path)) : Optional.empty();
		}
		String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
		return Stream.of(searchPath.split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, "kubectl"))
			.filter(Files::isExecutable)
			.findFirst()
			.map(KustomizeRenderer::new);
	}

	/** The kustomize build of {@code dir} as typed resources. */
	public Manifests render(Path dir) {
		return ManifestReader.read(renderYaml(dir), dir.toString());
	}

	/** The kustomize build of {@code dir} as YAML text, exactly as kubectl prints it. */
	public String renderYaml(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new ManifestException("not a directory: " + dir.toAbsolutePath());
		}
		try {
			Path errors = Files.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
					.redirectError(errors.toFile())
					.start();
				process.getOutputStream().close();
				byte[] out = process.getInputStream().readAllBytes();
				if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new ManifestException("kubectl kustomize " + dir + " took longer than " + TIMEOUT);
				}
				if (process.exitValue() != 0) {
					throw new ManifestException("kubectl kustomize " + dir + " failed (exit " + process.exitValue()
							+ "): " + Files.readString(errors).strip());
				}
				return new String(out, StandardCharsets.UTF_8);
			}
			finally {
				Files.deleteIfExists(errors);
			}
		}
		catch (IOException ex) {
			throw new ManifestException("could not run " + kubectl + " kustomize " + dir + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ManifestException("interrupted while rendering " + dir, ex);
		}
	}

}
