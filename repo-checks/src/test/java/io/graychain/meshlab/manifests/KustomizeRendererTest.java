package io.graychain.meshlab.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.kubernetes.api.model.Service;
import io.graychain.meshlab.kubectl.Kubectl;
import io.graychain.meshlab.kustomize.KustomizeRenderer;
import io.graychain.meshlab.kustomize.ManifestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KustomizeRendererTest {

	@TempDir
	Path dir;

	@Test
	void rendersAKustomizationIntoTypedResources() throws IOException {
		write("kustomization.yaml", "namespace: lab\nresources: [service.yaml]\n");
		write("service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: appa}\nspec: {ports: [{name: http, port: 8000}]}\n");

		Service service = Overlays.renderer().render(dir).get(Service.class, "appa");

		assertThat(service.getMetadata().getNamespace()).isEqualTo("lab");
		assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8000);
	}

	@Test
	void reportsWhatKustomizeSaysWhenItFails() throws IOException {
		write("kustomization.yaml", "resources: [missing.yaml]\n");
		KustomizeRenderer renderer = Overlays.renderer();

		assertThatThrownBy(() -> renderer.render(dir)).isInstanceOf(ManifestException.class)
			.hasMessageContaining("kubectl kustomize " + dir)
			.hasMessageContaining("missing.yaml");
	}

	@Test
	void refusesWhatIsNotADirectory() {
		assertThatThrownBy(() -> new KustomizeRenderer(new Kubectl(Path.of("kubectl"))).render(dir.resolve("nothing")))
			.isInstanceOf(ManifestException.class)
			.hasMessageContaining("not a directory");
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(dir.resolve(name), text);
	}

}
