package io.graychain.meshlab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.PodSender;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.lab.cluster.ProbeCommand;
import io.graychain.meshlab.lab.cluster.ProbeLines;
import io.graychain.support.probe.MeshProbe;
import io.graychain.support.test.Repository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exec that runs the probe in a pod, and its output read back as the gateway path reads replies. */
class ProbeCommandTest {

	@Test
	void theExecRunsTheImagesProbeInTheAppContainer() {
		List<String> args = new ProbeCommand("graychain", Duration.ofSeconds(3)).args("product-v1", "appa:8000", "/?a=1",
				Map.of("end-user", "jason"), 20);

		assertThat(args).containsExactly("exec", "-n", "graychain", "deploy/product-v1", "-c", "app", "--", "java", "-Xmx16m",
				"-Xms4m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp",
				"@/app/jib-classpath-file", "io.graychain.support.probe.MeshProbe", "--count", "20", "--connect-timeout", "3000",
				"--read-timeout", "3000", "--deadline", "60", "--header", "end-user: jason", "http://appa:8000/?a=1");
		assertThat(ProbeCommand.MAIN_CLASS).isEqualTo(MeshProbe.class.getName());
	}

	@Test
	void theProbesJvmFlagsAreStatedAsProbeCommandGivesThemOrNotAtAll() throws IOException {
		String readme = Files.readString(Repository.root().resolve("docs/deploy.md")).replaceAll("\\\\\n\\s*", "");
		assertThat(readme).contains("java " + String.join(" ", ProbeCommand.JVM_FLAGS) + " -cp " + ProbeCommand.IMAGE_CLASSPATH);
		String probe = Files.readString(Repository.root().resolve("support/src/main/java/io/graychain/support/probe/MeshProbe.java"));
		assertThat(probe).as("MeshProbe's javadoc refers to ProbeCommand's flags").doesNotContainPattern("-X[a-z]{2}\\d")
			.contains("ProbeCommand");
		String testRun = Files.readString(Repository.root().resolve("support/src/test/java/io/graychain/support/probe/ProbeProcess.java"));
		assertThat(Pattern.compile("\"(-X[^\"]*)\"").matcher(testRun).results().map(m -> m.group(1)).toList())
			.as("the flags the probe's own tests run it with").isEqualTo(ProbeCommand.JVM_FLAGS);
	}

	@Test
	void theDefaultNamespaceIsTheOneTheManifestsDeployTo() throws IOException {
		String target = Files.readString(Repository.root().resolve("k8s/components/target/kustomization.yaml"));
		assertThat(target).containsPattern("(?m)^namespace: " + ProbeCommand.DEFAULT_NAMESPACE + "$");
	}

	@Test
	void probeLinesCountAsTheSameRepliesWouldAtTheGateway() {
		Map<String, OneShotHttp.Reply> same = Map.of("appa:v1 > appb:v1", new OneShotHttp.Reply(200, "appa:v1 > appb:v1\n"),
				"! HTTP 503 appa:v1 > appb:!503", new OneShotHttp.Reply(503, "appa:v1 > appb:!503\n"), "! HTTP 404 no route",
				new OneShotHttp.Reply(404, "no route"), "! HTTP 500", new OneShotHttp.Reply(500, ""),
				"! no reply: SocketTimeoutException: Read timed out", new OneShotHttp.Reply(0, "no reply: Read timed out"));
		same.forEach((line, reply) -> assertThat(ChainLine.of(ProbeLines.reply(line))).as(line).isEqualTo(ChainLine.of(reply)));
		assertThat(ProbeLines.pastDeadline(ProbeLines.reply(MeshProbe.DEADLINE))).isTrue();
		assertThat(ProbeLines.DEADLINE).isEqualTo(MeshProbe.DEADLINE);
		assertThat(ProbeLines.pastDeadline(ProbeLines.reply("! no reply: SocketTimeoutException: deadline"))).isFalse();
		assertThat(ProbeLines.parse("appa:v1\n! HTTP 502\n", 2)).extracting(OneShotHttp.Reply::status).containsExactly(200, 502);
		assertThatThrownBy(() -> ProbeLines.parse("appa:v1\n", 2)).hasMessageContaining("printed 1 line(s) for 2 request(s)");
	}

	@Test
	void onlyWorkloadsWithoutALabSidecarAreSentFromTheirPod() {
		PodSender anyPod = new PodSender() {

			@Override
			public boolean canSend(String workload) {
				return true;
			}

			@Override
			public List<OneShotHttp.Reply> send(String workload, String host, String target, Map<String, String> headers,
					int count) {
				return List.of(new OneShotHttp.Reply(200, "appb:v2"));
			}

			@Override
			public String describe() {
				return "from pods";
			}

		};
		Sender sender = new Sender(java.net.URI.create("http://127.0.0.1:9"), Map.of("appa-v1", 9), Duration.ofSeconds(1), anyPod);
		assertThat(sender.fromPod("gateway")).isFalse();
		assertThat(sender.fromPod("appa-v1")).isFalse();
		assertThat(sender.fromPod("appa-v2")).isTrue();
		assertThat(sender.send("appa-v2", "appb:8000", "/", Map.of())).isEqualTo(new OneShotHttp.Reply(200, "appb:v2"));
		assertThat(new Sender(java.net.URI.create("http://127.0.0.1:9"), Map.of(), Duration.ofSeconds(1)).canSend("appa-v2"))
			.isFalse();
	}

}
