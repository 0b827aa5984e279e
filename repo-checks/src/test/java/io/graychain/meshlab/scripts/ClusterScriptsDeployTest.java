package io.graychain.meshlab.scripts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.graychain.meshlab.kustomize.ManifestReader;
import io.graychain.meshlab.kustomize.Manifests;
import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.FakeKubectl;
import io.graychain.support.test.FakeKubectl.Reply;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/deploy} run for real against a kubectl test double ({@link FakeKubectl}): there is no
 * cluster here. The double runs the real {@code kubectl kustomize} (it needs no cluster; these tests
 * need kubectl, like the manifest checks) and answers everything else as a cluster's kubectl would. Make
 * before break: workloads, Services and DestinationRules first, every Deployment's rollout, and the
 * VirtualServices only once all are ready; a rollout that fails keeps the routes out and shows why.
 */
class ClusterScriptsDeployTest {

	static final Path REPO = Tools.repo();

	static final Path DEPLOY = REPO.resolve("scripts/deploy");

	static final String CRD = "get crd virtualservices.networking.istio.io";

	@TempDir
	Path dir;

	/** A cluster that takes everything, after the given replies are checked; kustomize is the real one. */
	FakeKubectl kubectl(Reply... first) {
		List<Reply> replies = new ArrayList<>(List.of(first));
		replies.add(Reply.toCallsStartingWith("kustomize ").runningReal(Tools.realKubectl()));
		replies.add(Reply.to(CRD).printing("NAME                                  CREATED AT\n"
				+ "virtualservices.networking.istio.io   2026-01-01T00:00:00Z\n"));
		replies.add(Reply.toCallsStartingWith("apply -f "));
		replies.add(Reply.toCallsStartingWith("rollout status deployment/").printing("successfully rolled out\n"));
		return FakeKubectl.answering(dir, replies.toArray(Reply[]::new));
	}

	ScriptRun deploy(FakeKubectl kubectl, String... args) {
		return deploy(Map.of("KUBECTL", kubectl.executable().toString()), args);
	}

	ScriptRun deploy(Map<String, String> env, String... args) {
		return ScriptRun.run(DEPLOY, env, Duration.ofSeconds(60), args);
	}

	static Manifests rendered(String overlay) {
		return Tools.kubectl().render(REPO.resolve(overlay));
	}

	static List<String> rollouts(Manifests manifests, String timeout) {
		return manifests.all(Deployment.class).stream()
			.map(d -> "rollout status deployment/" + d.getMetadata().getName() + " -n " + d.getMetadata().getNamespace()
					+ " --timeout=" + timeout)
			.toList();
	}

	static List<String> ids(List<? extends HasMetadata> resources) {
		return resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "k8s/overlays/v2", "k8s/overlays/v1" })
	void workloadsFirstThenEveryRolloutThenTheRoutes(String overlay) {
		FakeKubectl kubectl = kubectl();
		Manifests suite = rendered(overlay);

		ScriptRun run = deploy(kubectl, "--overlay", REPO.resolve(overlay).toString());

		assertThat(run.exit()).as(run.toString()).isZero();
		List<String> calls = kubectl.calls();
		List<String> rollouts = rollouts(suite, "180s");
		assertThat(calls).hasSize(4 + rollouts.size());
		assertThat(calls.subList(0, 2)).containsExactly("kustomize " + REPO.resolve(overlay), CRD);
		assertThat(calls.get(2)).matches("apply -f /\\S+/workloads\\.yaml");
		assertThat(calls.subList(3, 3 + rollouts.size())).containsExactlyElementsOf(rollouts);
		assertThat(calls.get(calls.size() - 1)).matches("apply -f /\\S+/routes\\.yaml");

		List<HasMetadata> workloads = ManifestReader.read(kubectl.fileGiven(2).orElseThrow(), "workloads.yaml").resources();
		List<HasMetadata> routes = ManifestReader.read(kubectl.fileGiven(calls.size() - 1).orElseThrow(), "routes.yaml").resources();
		assertThat(ids(routes)).as("the routes: every VirtualService, nothing else")
			.containsExactlyElementsOf(ids(suite.resources().stream().filter(r -> r.getKind().equals("VirtualService")).toList()))
			.isNotEmpty();
		assertThat(ids(workloads)).as("everything else, DestinationRules included, in kustomize's order")
			.containsExactlyElementsOf(ids(suite.resources().stream().filter(r -> !r.getKind().equals("VirtualService")).toList()))
			.contains("DestinationRule/appa", "Deployment/appa-v1", "Namespace/graychain");
		assertThat(run.outLines()).last().isEqualTo("deploy: " + rollouts.size() + " Deployments ready");
	}

	@Test
	void aRolloutThatFailsKeepsTheRoutesOutAndShowsItsPods() {
		String appbV2 = "rollout status deployment/appb-v2 -n graychain --timeout=5s";
		String selector = "get deployment appb-v2 -n graychain -o go-template="
				+ "{{range $k, $v := .spec.selector.matchLabels}}{{$k}}={{$v}},{{end}}";
		String pods = "get pods -n graychain -l app=appb,version=v2 -o wide";
		FakeKubectl kubectl = kubectl(Reply.to(appbV2).failing(1, "error: timed out waiting for the condition"),
				Reply.to(selector).printing("app=appb,version=v2,"),
				Reply.to(pods).printing("NAME                       READY   STATUS             RESTARTS   AGE\n"
						+ "appb-v2-7b9d6c5f4d-x2x7q   1/2     ImagePullBackOff   0          5m\n"));

		ScriptRun run = deploy(kubectl, "--rollout-timeout", "5s");

		assertThat(run.exit()).as(run.toString()).isEqualTo(2);
		List<String> rollouts = rollouts(rendered("k8s/overlays/v2"), "5s");
		List<String> calls = kubectl.calls();
		assertThat(calls).as("every rollout is still checked, then the one that failed is looked at")
			.containsSubsequence(rollouts)
			.containsSubsequence(rollouts.get(rollouts.size() - 1), selector, pods)
			.noneMatch(c -> c.endsWith("/routes.yaml"));
		assertThat(calls.get(calls.size() - 1)).isEqualTo(pods);
		assertThat(run.err()).contains("deploy: NOT READY: deployment appb-v2 in namespace graychain did not roll out within 5s")
			.contains("appb-v2-7b9d6c5f4d-x2x7q   1/2     ImagePullBackOff")
			.contains("kubectl describe deployment/appb-v2 -n graychain")
			.contains("deploy: 1 of " + rollouts.size() + " Deployments are not ready; the VirtualServices were not applied");
	}

	@Test
	void withoutIstioNothingIsApplied() {
		String notFound = "Error from server (NotFound): customresourcedefinitions.apiextensions.k8s.io "
				+ "\"virtualservices.networking.istio.io\" not found";
		FakeKubectl kubectl = kubectl(Reply.to(CRD).failing(1, notFound));

		ScriptRun run = deploy(kubectl);

		assertThat(run.exit()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("deploy: Istio is not installed in this cluster (no VirtualService CRD)");
		assertThat(kubectl.calls()).containsExactly("kustomize " + REPO.resolve("k8s/overlays/v2"), CRD);
	}

	@Test
	void aClusterKubectlCannotReachIsNotCalledAClusterWithoutIstio() {
		String refused = "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?";
		FakeKubectl kubectl = kubectl(Reply.to(CRD).failing(1, refused));

		ScriptRun run = deploy(kubectl);

		assertThat(run.exit()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("deploy: cannot check that Istio is installed").contains(refused)
			.doesNotContain("Istio is not installed");
		assertThat(kubectl.calls()).containsExactly("kustomize " + REPO.resolve("k8s/overlays/v2"), CRD);
	}

	@Test
	void workloadsKubectlRefusesStopTheDeploy() {
		String forbidden = "Error from server (Forbidden): namespaces is forbidden: User \"trainee\" cannot create resource \"namespaces\"";
		FakeKubectl kubectl = kubectl(Reply.toCallsStartingWith("apply -f ").failing(1, forbidden));

		ScriptRun run = deploy(kubectl);

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains(forbidden);
		assertThat(kubectl.calls()).hasSize(3).last().asString().endsWith("/workloads.yaml");
	}

	@Test
	void anotherRegistryAndTagForOneApply() {
		FakeKubectl kubectl = kubectl();

		// a tag that reads as a number in YAML (1.0) must stay a string
		ScriptRun run = deploy(kubectl, "--registry", "registry.example.com:5000/team", "--tag", "1.0");

		assertThat(run.exit()).as(run.toString()).isZero();
		List<String> calls = kubectl.calls();
		assertThat(calls.get(1)).as("the rendered overlay, retargeted by a kustomization over it").matches("kustomize /\\S+");
		int workloads = calls.indexOf(calls.stream().filter(c -> c.endsWith("/workloads.yaml")).findFirst().orElseThrow());
		List<Deployment> deployments = ManifestReader.read(kubectl.fileGiven(workloads).orElseThrow(), "workloads.yaml")
			.all(Deployment.class);
		assertThat(deployments).hasSize(rendered("k8s/overlays/v2").all(Deployment.class).size()).allSatisfy(d -> {
			String app = d.getMetadata().getLabels().get("app");
			assertThat(d.getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getImage())
				.containsExactly("registry.example.com:5000/team/" + app + ":1.0");
		});
	}

	@Test
	void aTagThatIsNoTagIsRefusedBeforeKubectlRuns() {
		FakeKubectl kubectl = kubectl();

		ScriptRun run = deploy(kubectl, "--tag", "1.0 latest");

		assertThat(run.exit()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("--tag must be an image tag");
		assertThat(kubectl.calls()).isEmpty();
	}

	@Test
	void dryRunPrintsWorkloadsThenRoutesAndAppliesNothing() {
		FakeKubectl kubectl = kubectl();

		ScriptRun run = deploy(kubectl, "--dry-run");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(kubectl.calls()).containsExactly("kustomize " + REPO.resolve("k8s/overlays/v2"));
		List<String> kinds = ManifestReader.read(run.out(), "deploy --dry-run").resources().stream().map(HasMetadata::getKind).toList();
		assertThat(kinds.subList(kinds.indexOf("VirtualService"), kinds.size())).as("the routes last").containsOnly("VirtualService");
	}

	@Test
	void kubectlIsKubectlFromThePathOrWhatKubectlNames() {
		FakeKubectl kubectl = kubectl();
		Map<String, String> env = new HashMap<>();
		env.put("PATH", dir + ":" + System.getenv("PATH"));

		ScriptRun fromPath = deploy(env, "--dry-run");

		assertThat(fromPath.exit()).as(fromPath.toString()).isZero();
		assertThat(kubectl.calls()).as("the kubectl first on the PATH").hasSize(1);

		String missing = dir.resolve("no-kubectl").toString();
		ScriptRun none = deploy(Map.of("KUBECTL", missing));

		assertThat(none.exit()).as(none.toString()).isEqualTo(2);
		assertThat(none.err()).contains("deploy: kubectl (" + missing + ") is not installed; set KUBECTL to it");
		assertThat(kubectl.calls()).hasSize(1);
	}

}
