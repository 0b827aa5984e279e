package io.graychain.meshlab.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.SendFailure;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.kubectl.Kubectl;
import io.graychain.meshlab.lab.cluster.PodExec;
import io.graychain.meshlab.lab.cluster.ProbeCommand;
import io.graychain.meshlab.lab.verify.LiveReport;
import io.graychain.meshlab.lab.verify.LiveVerifier;
import io.graychain.meshlab.scenario.ExpectationReader;
import io.graychain.support.test.FakeKubectl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In-mesh requests on a cluster, sent from the workload's pod with {@code kubectl exec}: here kubectl
 * is a test double ({@link FakeKubectl}) that checks its arguments and runs the real probe on this
 * machine, through a stand-in for the pod's sidecar (a loopback HTTP proxy that records what it gets).
 */
class PodExecTest {

	@TempDir
	Path dir;

	HttpServer sidecar;

	final List<HttpExchange> seen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startSidecar() throws IOException {
		sidecar = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		sidecar.createContext("/", exchange -> {
			try (exchange) {
				seen.add(exchange);
				byte[] body = "appa:v1 > appb:v1\n".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
		});
		sidecar.start();
	}

	@AfterEach
	void stopSidecar() {
		sidecar.stop(0);
	}

	@Test
	void requestsRunTheProbeInTheWorkloadsAppContainerOneExecPerBatch() {
		FakeKubectl kubectl = FakeKubectl.probeRunner(dir, "graychain", Map.of("product-v1", sidecar.getAddress().getPort()));
		Map<String, String> headers = Sender.withCookies(Map.of("end-user", "jason"), Map.of("user", "tester"));

		List<String> progress = new CopyOnWriteArrayList<>();

		List<OneShotHttp.Reply> replies = new PodExec(new Kubectl(kubectl.executable()),
				new ProbeCommand("graychain", Duration.ofSeconds(5)), 4, Duration.ofSeconds(60), progress::add)
			.send("product-v1", "appa:8000", "/greet?name=xx", headers, 10);

		assertThat(replies).hasSize(10).allSatisfy(r -> assertThat(ChainLine.of(r).text()).isEqualTo("appa:v1 > appb:v1"));
		assertThat(kubectl.calls()).as("one exec per batch of 4").hasSize(3).allSatisfy(call -> assertThat(call)
			.startsWith("exec -n graychain deploy/product-v1 -c app -- java -Xmx16m ")
			.endsWith(" --header end-user: jason --header Cookie: user=tester http://appa:8000/greet?name=xx"));
		assertThat(kubectl.calls().get(0)).contains(" --count 4 --connect-timeout 5000 --read-timeout 5000 --deadline 40 ");
		assertThat(kubectl.calls().get(2)).contains(" --count 2 ").contains(" --deadline 20 ");
		assertThat(progress).as("a line after each batch").hasSize(3)
			.allSatisfy(line -> assertThat(line).startsWith("product-v1 -> appa:8000/greet?name=xx: "));
		assertThat(progress.get(0)).contains("4/10 sent from its pod, batch 1/3, ");
		assertThat(progress.get(2)).contains("10/10 sent from its pod, batch 3/3, ").doesNotContain("deadline");
		assertThat(kubectl.oneAtATime()).isTrue();
		assertThat(seen).hasSize(10).allSatisfy(request -> {
			assertThat(request.getRequestURI()).hasToString("http://appa:8000/greet?name=xx");
			assertThat(request.getRequestHeaders().getFirst("Host")).isEqualTo("appa:8000");
			assertThat(request.getRequestHeaders().getFirst("Accept")).isEqualTo("text/plain");
			assertThat(request.getRequestHeaders().getFirst("end-user")).isEqualTo("jason");
			assertThat(request.getRequestHeaders().getFirst("Cookie")).isEqualTo("user=tester");
		});
	}

	@Test
	void aScenarioVerifiesInMeshEntriesFromPodsAndAFailedExecFailsItsRequestSayingWhy() throws IOException {
		FakeKubectl kubectl = FakeKubectl.probeRunner(dir, "graychain", Map.of("product-v1", sidecar.getAddress().getPort()));
		Sender sender = new Sender(URI.create("http://127.0.0.1:9"), Map.of(), Duration.ofSeconds(5), pods(kubectl, 4));
		Path expect = Files.writeString(dir.resolve("expect.yaml"), """
				goal: in-mesh calls stay on v1
				crossedChains: forbidden
				requests:
				  - {name: from product, entry: product-v1, host: "appa:8000", chain: "appa:v1 > appb:v1"}
				  - {name: from a workload that is not there, entry: product-v9, host: "appa:8000", chain: "appa:v1 > appb:v1"}
				""");

		LiveReport report = new LiveVerifier(sender, Set.of("appa", "appb"), new LiveVerifier.Settings(50, 10, 0.001, 4))
			.verify("test", ExpectationReader.read(expect));

		assertThat(report.results()).extracting(LiveReport.Result::outcome)
			.containsExactly(LiveReport.Outcome.OK, LiveReport.Outcome.FAIL);
		assertThat(report.results().get(1).lines()).singleElement().asString()
			.contains("could not send from product-v9: kubectl exec -n graychain deploy/product-v9 -c app failed (exit 1)")
			.contains("Error from server (NotFound): deployments.apps \"product-v9\" not found");
		assertThat(report.text()).contains("in-mesh entries: from their pods in namespace graychain (kubectl exec)");
		assertThat(kubectl.calls()).hasSize(4);
		assertThat(kubectl.oneAtATime()).as("one probe at a time, whatever the verifier's concurrency").isTrue();
	}

	@Test
	void aFailedExecNamesTheWorkloadKubectlsMessageAndWhatToDo() {
		String noProbe = "Error: Could not find or load main class io.graychain.support.probe.MeshProbe\n"
				+ "command terminated with exit code 1";
		assertThatThrownBy(() -> send(FakeKubectl.failing(dir, 1, noProbe))).isInstanceOf(SendFailure.class)
			.hasMessageContaining("could not send from appa-v2: kubectl exec -n graychain deploy/appa-v2 -c app failed (exit 1): ")
			.hasMessageContaining("command terminated with exit code 1")
			.hasMessageContaining("the image has no mesh probe");
		String forbidden = "Error from server (Forbidden): pods \"appa-v2-0\" is forbidden: cannot create resource \"pods/exec\"";
		assertThatThrownBy(() -> send(FakeKubectl.failing(dir, 1, forbidden))).hasMessageContaining(forbidden)
			.hasMessageContaining("needs the right to create pods/exec in namespace graychain");
		String olderProbe = "MeshProbe: unknown option --deadline\nusage: MeshProbe [--count N] ...";
		assertThatThrownBy(() -> send(FakeKubectl.failing(dir, 2, olderProbe))).hasMessageContaining("failed (exit 2)")
			.hasMessageContaining("the image's mesh probe is older than this graychain");
	}

	@Test
	void anExecThatHangsIsStoppedAtTheProbesDeadlinePlusTheOverhead() {
		PodExec pods = new PodExec(new Kubectl(FakeKubectl.hanging(dir).executable()),
				new ProbeCommand("graychain", Duration.ofMillis(200)), 100, Duration.ofSeconds(1), line -> {
				});
		long started = System.nanoTime();

		assertThatThrownBy(() -> pods.send("appa-v2", "appb:8000", "/", Map.of(), 1)).isInstanceOf(SendFailure.class)
			.hasMessageContaining("kubectl exec -n graychain deploy/appa-v2 -c app did not finish within 2 s");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aBatchIsBoundedByTheProbesDeadlineWhichKubectlOutlives() {
		ProbeCommand command = new ProbeCommand("graychain", Duration.ofSeconds(10));
		assertThat(command.deadline(1)).isEqualTo(Duration.ofSeconds(20));
		assertThat(command.deadline(2)).isEqualTo(Duration.ofSeconds(40));
		assertThat(command.deadline(PodExec.BATCH_SIZE)).as("not 100 x 20 s").isEqualTo(ProbeCommand.MAX_DEADLINE)
			.isEqualTo(Duration.ofSeconds(60));
		assertThat(new ProbeCommand("graychain", Duration.ofMillis(1)).deadline(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(command.args("product-v1", "appa:8000", "/", Map.of(), 100)).containsSequence("--deadline", "60");
		assertThat(PodExec.OVERHEAD).as("kubectl is stopped well after the probe's deadline").isGreaterThan(Duration.ofSeconds(10));
	}

	@Test
	void progressSaysHowManyRequestsTheProbesDeadlineLeftWithoutAReply() throws IOException {
		Path kubectl = Files.writeString(dir.resolve("kubectl"), "#!/usr/bin/env bash\nprintf 'appa:v1\\n! no reply: deadline\\n'\n");
		Files.setPosixFilePermissions(kubectl, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		List<String> progress = new CopyOnWriteArrayList<>();

		List<OneShotHttp.Reply> replies = new PodExec(new Kubectl(kubectl), new ProbeCommand("graychain", Duration.ofSeconds(1)),
				2, Duration.ofSeconds(30), progress::add).send("product-v1", "appa:8000", "/", Map.of(), 2);

		assertThat(replies).extracting(OneShotHttp.Reply::status).containsExactly(200, 0);
		assertThat(progress).singleElement().asString().startsWith("product-v1 -> appa:8000/: 2/2 sent from its pod, batch 1/1, ")
			.endsWith(", 1 without a reply by the probe's deadline");
	}

	@Test
	void kubectlIsKubectlOrOnThePathAndItsAbsenceIsSaidClearly() throws IOException {
		Path kubectl = FakeKubectl.failing(dir, 1, "unused").executable();
		assertThat(Kubectl.find(Map.of("KUBECTL", kubectl.toString()))).contains(new Kubectl(kubectl));
		assertThat(Kubectl.find(Map.of("KUBECTL", dir.resolve("none").toString()))).isEmpty();
		assertThat(Kubectl.find(Map.of("PATH", "/nowhere:" + dir))).contains(new Kubectl(kubectl));
		// a command name without a slash is looked up on the PATH, as the scripts' "$KUBECTL" is by bash
		Path named = Files.copy(kubectl, dir.resolve("kubectl-1.32"), StandardCopyOption.COPY_ATTRIBUTES);
		assertThat(Kubectl.find(Map.of("KUBECTL", "kubectl-1.32", "PATH", "/nowhere:" + dir))).contains(new Kubectl(named));
		assertThat(Kubectl.find(Map.of("KUBECTL", "kubectl-1.32", "PATH", "/nowhere"))).isEmpty();
		Path empty = Files.createDirectory(dir.resolve("empty"));
		assertThatThrownBy(() -> PodExec.find(Map.of("PATH", empty.toString()), "graychain", Duration.ofSeconds(1), line -> {
		}))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kubectl not found");
	}

	private static PodExec pods(FakeKubectl kubectl, int batchSize) {
		return new PodExec(new Kubectl(kubectl.executable()), new ProbeCommand("graychain", Duration.ofSeconds(5)), batchSize,
				Duration.ofSeconds(60), line -> {
				});
	}

	private static List<OneShotHttp.Reply> send(FakeKubectl kubectl) {
		return pods(kubectl, 100).send("appa-v2", "appb:8000", "/", Map.of(), 1);
	}

}
