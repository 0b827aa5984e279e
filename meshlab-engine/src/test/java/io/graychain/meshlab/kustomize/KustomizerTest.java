package io.graychain.meshlab.kustomize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the lab's renderer refuses, and how it says so; {@link KustomizerParityTest} checks what it builds. */
class KustomizerTest {

	private static final String SERVICE = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{name: http, port: 80}]}\n";

	@TempDir
	Path dir;

	private final Kustomizer kustomizer = new Kustomizer();

	@Test
	void rendersTheV2OverlayIntoTypedResourcesWithoutKubectl() {
		Deployment appa = kustomizer.render(Tools.repo().resolve("k8s/overlays/v2")).get(Deployment.class, "appa-v2");

		assertThat(appa.getMetadata().getNamespace()).isEqualTo("graychain");
		assertThat(appa.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("version", "v2");
		assertThat(appa.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith("/appa:0.1.0");
	}

	@Test
	void refusesAFieldItDoesNotImplementByName() throws IOException {
		write("kustomization.yaml", "resources: [service.yaml]\ncommonLabels: {team: a}\n");
		write("service.yaml", SERVICE);

		assertThatThrownBy(() -> kustomizer.build(dir)).isInstanceOf(ManifestException.class)
			.hasMessageContaining("[commonLabels] not supported by the lab's kustomize")
			.hasMessageContaining("kubectl kustomize");
	}

	@Test
	void loadsNoFileFromOutsideTheKustomizationFolder() throws IOException {
		write("service.yaml", SERVICE);
		write("inner/kustomization.yaml", "resources: [../service.yaml]\n");

		assertThatThrownBy(() -> kustomizer.build(dir.resolve("inner"))).isInstanceOf(ManifestException.class)
			.hasMessageContaining("is outside");
	}

	@Test
	void namesAMissingResource() throws IOException {
		write("kustomization.yaml", "resources: [missing.yaml]\n");

		assertThatThrownBy(() -> kustomizer.build(dir)).isInstanceOf(ManifestException.class)
			.hasMessageContaining("'missing.yaml' does not exist");
	}

	@Test
	void keepsComponentsAndResourcesApart() throws IOException {
		write("component/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
		write("plain/kustomization.yaml", "resources: []\n");
		write("a/kustomization.yaml", "resources: [../component]\n");
		write("b/kustomization.yaml", "components: [../plain]\n");

		assertThatThrownBy(() -> kustomizer.build(dir.resolve("a"))).hasMessageContaining("is a Component");
		assertThatThrownBy(() -> kustomizer.build(dir.resolve("b"))).hasMessageContaining("is not a kind: Component");
	}

	@Test
	void refusesTwoResourcesWithOneId() throws IOException {
		write("kustomization.yaml", "resources: [one.yaml, two.yaml]\n");
		write("one.yaml", SERVICE);
		write("two.yaml", SERVICE);

		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("Service web is already in the build");
	}

	@Test
	void refusesJson6902PatchesAndPatchDirectives() throws IOException {
		write("service.yaml", SERVICE);
		write("kustomization.yaml", "resources: [service.yaml]\npatches:\n  - target: {kind: Service}\n"
				+ "    patch: |\n      - op: replace\n        path: /spec/ports/0/port\n        value: 81\n");
		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("JSON 6902 patches (a list of operations)");

		write("kustomization.yaml", "resources: [service.yaml]\npatches:\n  - path: ops.yaml\n    target: {kind: Service}\n");
		write("ops.yaml", "# a comment first\n- op: replace\n  path: /spec/ports/0/port\n  value: 81\n");
		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("JSON 6902 patches (a list of operations)");

		write("kustomization.yaml", "resources: [service.yaml]\npatches:\n  - target: {kind: Service}\n"
				+ "    patch: |\n      kind: Service\n      metadata: {name: web}\n      spec:\n        $retainKeys: [ports]\n");
		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("patch directive '$retainKeys'");
	}

	@Test
	void failsLikeKustomizeWhenAReplacementTargetLacksTheField() throws IOException {
		write("kustomization.yaml", "resources: [service.yaml]\nreplacements:\n  - source: {kind: Service, name: web}\n"
				+ "    targets:\n      - select: {kind: Service}\n        fieldPaths: [metadata.labels.copy]\n");
		write("service.yaml", SERVICE);

		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("Service web has no field metadata.labels.copy");
	}

	@Test
	void refusesYamlThatKustomizeRefusesOrThatItCannotMirror() throws IOException {
		write("kustomization.yaml", "resources: [service.yaml]\n");
		write("service.yaml", SERVICE + "metadata: {name: twice}\n");
		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("key 'metadata' appears twice");

		write("service.yaml", "base: &base {name: web}\napiVersion: v1\nkind: Service\nmetadata:\n  <<: *base\n");
		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("no merge keys '<<'");

		write("service.yaml", SERVICE);
		write("kustomization.yaml", "resources: [service.yaml]\nimages: [{name: web, newTag: 1.10}]\n");
		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("images newTag must be a string");

		write("kustomization.yaml", "resources: [service.yaml]\nnamespace: {name: lab}\n");
		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("namespace must be a string");
	}

	@Test
	void namesALabelSelectorItCannotRead() throws IOException {
		write("kustomization.yaml", "resources: [service.yaml]\npatches:\n  - target: {labelSelector: 'app in appa'}\n"
				+ "    patch: '{kind: Service, metadata: {name: web}}'\n");
		write("service.yaml", SERVICE);

		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("label selector 'app in appa' cannot be read");
	}

	@Test
	void stopsAtKustomizationsThatIncludeEachOther() throws IOException {
		write("a/kustomization.yaml", "resources: [../b]\n");
		write("b/kustomization.yaml", "resources: [../a]\n");

		assertThatThrownBy(() -> kustomizer.build(dir.resolve("a"))).hasMessageContaining("include each other");
	}

	@Test
	void refusesRemoteResourcesAndWhatIsNotAKustomization() throws IOException {
		write("kustomization.yaml", "resources: [https://github.com/example/repo//k8s]\n");
		assertThatThrownBy(() -> kustomizer.build(dir)).hasMessageContaining("remote resource");
		assertThatThrownBy(() -> kustomizer.build(dir.resolve("nothing"))).hasMessageContaining("not a directory");
		Files.createDirectories(dir.resolve("empty"));
		assertThatThrownBy(() -> kustomizer.build(dir.resolve("empty"))).hasMessageContaining("no kustomization.yaml");
	}

	private void write(String name, String text) throws IOException {
		Path file = dir.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
