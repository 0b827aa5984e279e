package io.graychain.meshlab.manifests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.graychain.meshlab.manifests.Pods.app;
import static io.graychain.meshlab.manifests.Pods.labels;
import static io.graychain.meshlab.manifests.Pods.name;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pod says where its metrics are with the annotations Istio's metrics merging reads, and the
 * services serve them there.
 *
 * <p>istio/istio {@code pkg/kube/inject/webhook.go}, {@code applyPrometheusMerge} and
 * {@code getPrometheusScrapeConfiguration}: when {@code prometheus.io/scrape} is not false, the
 * injector copies {@code prometheus.io/scrape}, {@code prometheus.io/path} and
 * {@code prometheus.io/port} into the proxy's {@code ISTIO_PROMETHEUS_ANNOTATIONS} and rewrites them
 * to the agent (port 15020, {@code /stats/prometheus}). {@code pilot/cmd/pilot-agent/status/server.go},
 * {@code NewServer} and {@code handleStats}: the agent scrapes {@code http://localhost:<port><path>}
 * and appends the app's metrics to Envoy's; a missing path is {@code /metrics}, a missing port 80.
 */
class MetricsScrapeTest {

	static final String PATH = "/actuator/prometheus";

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void everyPodTemplateNamesTheActuatorOnTheContainerPort(String overlay) {
		for (Deployment deployment : Overlays.render(overlay).all(Deployment.class)) {
			Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
			int containerPort = app(deployment).getPorts().get(0).getContainerPort();
			assertThat(annotations).as("%s: pod template annotations", name(deployment))
				.containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/path", PATH)
				.containsEntry("prometheus.io/port", String.valueOf(containerPort));
			assertThat(containerPort).as("%s: the port the service listens on (pom app.port)", name(deployment))
				.isEqualTo(Poms.port(labels(deployment).get("app")));
		}
	}

	/** The actuator is on the app's own port (no management port of its own) and exposes prometheus. */
	@Test
	void theServicesServeTheActuatorOnTheirOwnPort() throws IOException {
		Path root = Overlays.repositoryRoot();
		Properties defaults = new Properties();
		try (Reader reader = Files.newBufferedReader(root.resolve("support/src/main/resources/graychain-defaults.properties"))) {
			defaults.load(reader);
		}
		assertThat(defaults.getProperty("management.endpoints.web.exposure.include")).contains("prometheus");
		assertThat(defaults).doesNotContainKey("management.server.port");
		assertThat(defaults.getProperty("management.endpoints.web.base-path", "/actuator") + "/prometheus").isEqualTo(PATH);
		for (Path config : serviceConfigs(root)) {
			assertThat(Files.readString(config)).as(root.relativize(config).toString())
				.doesNotContain("management.server.port")
				.doesNotContainPattern("(?s)management:.*\\n\\s+server:\\s*\\n\\s+port:")
				.doesNotContain("base-path");
		}
	}

	private static List<Path> serviceConfigs(Path root) throws IOException {
		try (Stream<Path> modules = ShippedManifestsTest.SERVICES.stream().map(root::resolve)) {
			return modules.map(m -> m.resolve("src/main/resources")).filter(Files::isDirectory).flatMap(dir -> {
				try (Stream<Path> files = Files.list(dir)) {
					return files.filter(f -> f.getFileName().toString().matches("application.*\\.(ya?ml|properties)")).toList().stream();
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
	}

}
