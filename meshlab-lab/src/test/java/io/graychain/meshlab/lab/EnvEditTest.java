package io.graychain.meshlab.lab;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.graychain.meshlab.kustomize.ManifestReader;
import io.graychain.meshlab.kustomize.Manifests;
import io.graychain.meshlab.lab.pods.EnvEdit;
import io.graychain.meshlab.lab.pods.PodPlan;
import io.graychain.meshlab.lab.pods.PodSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code scripts/lab set-env}: the environment changed as {@code kubectl set env} changes it
 * (kubernetes/kubectl pkg/cmd/set/env/env_parse.go ParseEnv, pkg/cmd/set/helper.go updateEnv), and the
 * pods of the new revision resolved from it as the kubelet would.
 */
class EnvEditTest {

	final Manifests manifests = ManifestReader.read(PodsTest.MANIFESTS, "test.yaml");

	private static EnvVar literal(String name, String value) {
		return new EnvVarBuilder().withName(name).withValue(value).build();
	}

	private static List<String> names(List<EnvVar> env) {
		return env.stream().map(EnvVar::getName).toList();
	}

	@Test
	void aSetReplacesInPlaceAndANewNameIsAppended() {
		List<EnvVar> env = List.of(literal("A", "1"), literal("B", "2"), literal("C", "3"));
		List<EnvVar> changed = EnvEdit.parse(List.of("B=two", "D=4")).apply(env);
		assertThat(changed).containsExactly(literal("A", "1"), literal("B", "two"), literal("C", "3"), literal("D", "4"));
	}

	@Test
	void aRemovalRemovesEveryVariableOfTheNameAndWinsOverASet() {
		List<EnvVar> env = List.of(literal("A", "1"), literal("B", "2"), literal("A", "again"));
		assertThat(names(EnvEdit.parse(List.of("A-")).apply(env))).containsExactly("B");
		assertThat(names(EnvEdit.parse(List.of("B=x", "B-")).apply(env))).containsExactly("A", "A");
		assertThat(names(EnvEdit.parse(List.of("NOPE-")).apply(env))).containsExactly("A", "B", "A");
	}

	@Test
	void aSetTurnsAValueFromIntoALiteralAndKeepsEverythingAfterTheFirstEquals() {
		List<EnvVar> env = PodPlan.env(manifests, "appa-v2");
		List<EnvVar> changed = EnvEdit.parse(List.of("REGION=us-east", "JAVA_OPTS=-Da=b=c", "EMPTY=")).apply(env);
		assertThat(changed).filteredOn(v -> v.getName().equals("REGION")).singleElement()
			.satisfies(v -> assertThat(v.getValue()).isEqualTo("us-east"))
			.satisfies(v -> assertThat(v.getValueFrom()).isNull());
		assertThat(changed).contains(literal("JAVA_OPTS", "-Da=b=c"), literal("EMPTY", ""));
		assertThat(names(changed).indexOf("REGION")).isEqualTo(names(env).indexOf("REGION"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			GRAYCHAIN_MISBEHAVE_ERROR_PERCENT     | 'GRAYCHAIN_MISBEHAVE_ERROR_PERCENT' is neither NAME=VALUE (set) nor NAME- (remove)
			=30                                   | '=30': '' is not a variable name (letters, digits, '_', '-', '.', not starting with a digit)
			1ST=x                                 | '1ST=x': '1ST' is not a variable name (letters, digits, '_', '-', '.', not starting with a digit)
			A B=x                                 | 'A B=x': 'A B' is not a variable name (letters, digits, '_', '-', '.', not starting with a digit)
			""")
	void aBadArgumentIsRefusedByName(String argument, String message) {
		assertThatThrownBy(() -> EnvEdit.parse(List.of(argument))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage(message);
	}

	@Test
	void noChangeAtAllIsRefused() {
		assertThatThrownBy(() -> EnvEdit.parse(List.of())).hasMessageContaining("NAME=VALUE sets a variable, NAME- removes it");
	}

	@Test
	void theDifferenceFromTheManifestReadsAsTheArgumentsThatMakeIt() {
		List<EnvVar> original = PodPlan.env(manifests, "appa-v2");
		List<EnvVar> changed = EnvEdit.parse(List.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30", "TEAM-", "REGION=x")).apply(original);
		assertThat(EnvEdit.difference(original, changed))
			.containsExactly("REGION=x", "GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30", "TEAM-");
		assertThat(EnvEdit.difference(original, original)).isEmpty();
	}

	@Test
	void theNewRevisionsPodsHaveNewNamesAndTheirEnvironmentResolvedAgain() {
		List<EnvVar> changed = EnvEdit.parse(List.of("GRAYCHAIN_MISBEHAVE_DELAY=1500ms", "WHO=$(POD_NAME) now"))
			.apply(PodPlan.env(manifests, "appa-v2"));
		List<PodSpec> pods = PodPlan.revision(manifests, "appa-v2", changed, 2);
		assertThat(pods).extracting(PodSpec::name).containsExactly("appa-v2-r2-0", "appa-v2-r2-1");
		Map<String, String> env = pods.get(1).env();
		assertThat(env).containsEntry("GRAYCHAIN_MISBEHAVE_DELAY", "1500ms")
			.containsEntry("POD_NAME", "appa-v2-r2-1")
			.containsEntry("HOSTNAME", "appa-v2-r2-1")
			.containsEntry("VERSION", "v2")
			.containsEntry("REGION", "eu-west")
			.containsEntry("WHO", "appa-v2-r2-1 now")
			.doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
		assertThat(pods.get(0).workload()).isEqualTo("appa-v2");
		assertThat(pods.get(0).labels()).containsEntry("version", "v2");
	}

	@Test
	void anUnknownDeploymentIsNamedWithTheOnesThereAre() {
		assertThatThrownBy(() -> PodPlan.env(manifests, "appb-v9"))
			.hasMessage("no Deployment appb-v9 in the lab; its Deployments: appa-v2, appa-v1, product-v1");
	}

}
