package io.graychain.meshlab.kustomize;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's renderer builds every kustomization the suite ships, and fixtures for each feature it
 * implements, exactly as {@code kubectl kustomize} does: the same resources, fields and order.
 */
class KustomizerParityTest {

	@ParameterizedTest(name = "{0}")
	@MethodSource("shipped")
	void buildsEveryShippedKustomizationAsKubectlDoes(String dir) {
		assertSameAsKubectl(Tools.repo().resolve(dir));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void buildsEveryFeatureAsKubectlDoes(String fixture) throws URISyntaxException {
		Path root = Path.of(Objects.requireNonNull(getClass().getResource("/kustomize")).toURI());
		assertSameAsKubectl(root.resolve(fixture));
	}

	static Stream<String> shipped() throws IOException {
		Path repo = Tools.repo();
		List<String> dirs;
		try (Stream<Path> files = Stream.concat(Files.walk(repo.resolve("k8s")), Files.walk(repo.resolve("istio")))) {
			dirs = files.filter(f -> Kustomization.FILE_NAMES.contains(f.getFileName().toString()))
				.map(f -> repo.relativize(f.getParent()).toString())
				.sorted()
				.toList();
		}
		assertThat(dirs).contains("k8s/overlays/v1", "k8s/overlays/v2", "k8s/components/v2/deployments", "istio");
		return dirs.stream();
	}

	static Stream<String> fixtures() {
		return Stream.of("merge", "selectors", "images", "namespace/overlay", "replace/overlay", "order", "scalars",
				"namespace-kinds");
	}

	private static void assertSameAsKubectl(Path dir) {
		List<ObjectNode> expected = Yaml.documents(Tools.kubectl().renderYaml(dir), "kubectl kustomize " + dir);

		List<ObjectNode> built = new Kustomizer().build(dir);

		assertThat(built).containsExactlyElementsOf(expected);
		assertThat(Yaml.documents(Yaml.write(built), "written")).containsExactlyElementsOf(expected);
	}

}
