package io.graychain.chains.workshop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import io.graychain.meshlab.lab.client.LabClient;
import io.graychain.support.test.FakeKubectl;
import io.graychain.support.test.FakeKubectl.Reply;

/**
 * A cluster for the guide's {@code bash cluster} blocks, where there is none: kubectl is a test
 * double ({@link FakeKubectl}) whose mesh is the running lab. It answers the calls graychain's cluster
 * scripts make:
 * <ul>
 * <li>the ingress gateway's Service: a LoadBalancer at the lab's ingress port on loopback;
 * <li>the Deployments labelled {@code version=v2}: the lab's services that run two versions;
 * <li>{@code kubectl exec} of the mesh probe in a workload's pod: the real probe, through the lab's
 * sidecar of that workload (FakeKubectl's probe runner);
 * <li>{@code apply -f} and {@code delete -f} of Istio rules, and {@code wait --for=create}: the
 * VirtualServices are kept one per name, as a cluster keeps them, and the lab routes by them over its
 * baseline (the script {@code workshop/kubectl-on-the-lab}); DestinationRules are the overlay's.
 * </ul>
 * Anything else (deploying, {@code rollout status}) gets FakeKubectl's "no canned reply" and exit 64:
 * those blocks are {@code bash cluster setup}, not run.
 *
 * @param kubectl the double
 * @param rules where the applied VirtualServices are kept
 */
record KubectlOnTheLab(FakeKubectl kubectl, Path rules) {

	static final String NAMESPACE = "graychain";

	static KubectlOnTheLab start(Path dir, Path labState, int ingressPort) {
		try {
			Files.createDirectories(dir);
			Path applier = dir.resolve("kubectl-on-the-lab");
			try (InputStream script = KubectlOnTheLab.class.getResourceAsStream("/workshop/kubectl-on-the-lab")) {
				Files.write(applier, script.readAllBytes());
			}
			Files.setPosixFilePermissions(applier, PosixFilePermissions.fromString("rwx------"));
			LabClient lab = new LabClient(labState);
			FakeKubectl kubectl = FakeKubectl.probeRunner(dir, NAMESPACE, lab.sidecars(),
					Reply.toCallsStartingWith("-n istio-system get svc istio-ingressgateway -o jsonpath=")
						.printing("127.0.0.1||" + ingressPort + "|31380"),
					Reply.toCallsStartingWith("-n " + NAMESPACE + " get deploy -l version=v2 -o jsonpath=")
						.printing(String.join("\n", new TreeSet<>(lab.lanes())) + "\n"),
					Reply.toCallsStartingWith("--namespace " + NAMESPACE + " wait --for=create -f "),
					Reply.toCallsStartingWith("--namespace " + NAMESPACE + " apply -f ").runningReal(applier),
					Reply.toCallsStartingWith("--namespace " + NAMESPACE + " delete -f ").runningReal(applier));
			return new KubectlOnTheLab(kubectl, dir.resolve("rules"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The variables a block's scripts need to use this double: {@code labEnvironment} and kubectl. */
	Map<String, String> environment(Map<String, String> labEnvironment, Path repo) {
		Map<String, String> all = new HashMap<>(labEnvironment);
		all.put("KUBECTL", kubectl.executable().toString());
		all.put("WORKSHOP_RULES", rules.toString());
		all.put("WORKSHOP_REPO", repo.toString());
		return all;
	}

	/** Forgets the applied rules, as deleting them from a cluster would. */
	void forgetRules() throws IOException {
		if (Files.isDirectory(rules)) {
			try (var files = Files.list(rules)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
		}
	}

}
