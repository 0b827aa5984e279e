package io.graychain.meshlab.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.graychain.meshlab.lab.cluster.ProbeCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images Jib builds fit the manifests that run them: name, user, port, JVM flags, labels; and
 * their entrypoint's classpath is the one the mesh probe is run on in a pod.
 * Checks every {@code <service>.tar} in the folder named by {@code GRAYCHAIN_IMAGE_TARS}, as
 * {@code scripts/check-image} builds it (no container engine needed). Only that script runs this
 * test (the module's plain test run excludes it), so a missing folder is a failure, not a skip.
 */
class ImageConfigTest {

	static final String TARS_ENV = "GRAYCHAIN_IMAGE_TARS";

	@Test
	void everyBuiltImageFitsItsDeployment() throws IOException {
		String folder = System.getenv(TARS_ENV);
		assertThat(folder).as(TARS_ENV + ": run scripts/check-image, which builds an image tar and checks it")
			.isNotBlank();
		List<Path> tars = tars(Path.of(folder));
		assertThat(tars).as("image tars in " + folder).isNotEmpty();
		for (Path tar : tars) {
			String service = tar.getFileName().toString().replaceFirst("\\.tar$", "");
			check(service, ImageTar.read(tar));
		}
	}

	private static void check(String service, ImageTar image) {
		Deployment deployment = Overlays.render(Overlays.V2).get(Deployment.class, service + "-v1");
		PodSecurityContext pod = Pods.spec(deployment).getSecurityContext();
		int port = Pods.app(deployment).getPorts().get(0).getContainerPort();

		assertThat(image.name()).as(service + ": image name").isEqualTo(Pods.app(deployment).getImage());
		assertThat(image.config().path("User").asText()).as(service + ": user")
			.isEqualTo(pod.getRunAsUser() + ":" + pod.getRunAsGroup());
		assertThat(fieldNames(image.config().path("ExposedPorts"))).as(service + ": exposed ports")
			.containsExactly(port + "/tcp");
		assertThat(strings(image.config().path("Entrypoint"))).as(service + ": entrypoint")
			.startsWith("java")
			.contains("-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-cp")
			.last()
			.asString()
			.startsWith("io.graychain." + service + ".");
		List<String> entrypoint = strings(image.config().path("Entrypoint"));
		assertThat(entrypoint.get(entrypoint.indexOf("-cp") + 1)).as(service + ": the classpath scripts/verify --cluster"
				+ " runs the mesh probe on in a pod (ProbeCommand)").isEqualTo(ProbeCommand.IMAGE_CLASSPATH);
		assertThat(image.config().path("Labels").path("org.opencontainers.image.source").asText())
			.as(service + ": source label")
			.isEqualTo(Poms.sourceUrl());
		assertThat(image.config().path("Labels").path("org.opencontainers.image.version").asText())
			.as(service + ": version label")
			.isEqualTo(Poms.version());
	}

	private static List<Path> tars(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".tar")).sorted().toList();
		}
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		node.forEach(value -> values.add(value.asText()));
		return values;
	}

}
