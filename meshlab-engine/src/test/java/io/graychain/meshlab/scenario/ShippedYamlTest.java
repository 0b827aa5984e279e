package io.graychain.meshlab.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.graychain.meshlab.analyze.Analyzer;
import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every YAML file under istio/ and k8s/ reads with the typed models, and the rendered overlays analyze clean. */
class ShippedYamlTest {

	@Test
	void everyYamlFileUnderIstioReadsStrictly() {
		MeshLoader loader = new MeshLoader().read(Tools.repo().resolve("istio"));
		assertThat(loader.problems()).isEmpty();
		assertThat(loader.resources()).hasSizeGreaterThan(30);
	}

	@Test
	void everyExpectationFileReads() {
		assertThat(Scenario.all(Overlays.scenarios())).hasSizeGreaterThanOrEqualTo(9)
			.allSatisfy(s -> assertThat(s.expectation().requests()).isNotEmpty());
	}

	static Stream<String> overlays() throws Exception {
		try (Stream<Path> dirs = Files.list(Tools.repo().resolve("k8s/overlays"))) {
			return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "k8s/overlays/{0}")
	@MethodSource("overlays")
	void renderedOverlayReadsAndHasNoMistake(String overlay) {
		assertThat(Analyzer.analyze(Overlays.loader(overlay), Overlays.NAMESPACE)).isEmpty();
	}

}
