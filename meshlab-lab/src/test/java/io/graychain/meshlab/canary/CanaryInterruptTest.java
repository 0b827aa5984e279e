package io.graychain.meshlab.canary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.graychain.meshlab.canary.PrometheusStandIn.Answer;
import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.FakeKubectl;
import io.graychain.support.test.FakeKubectl.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopped like Ctrl-C stops it (a signal to its JVM, whose shutdown hook interrupts the run), the
 * canary command puts back the VirtualService that was in force before it started.
 */
class CanaryInterruptTest {

	@TempDir
	Path dir;

	@Test
	void aSignalRestoresTheRulesInForceBefore() throws IOException, InterruptedException {
		String baseline = Files.readString(Tools.repo().resolve("istio/baseline/virtual-service-product-v1.yaml"));
		FakeKubectl kubectl = FakeKubectl.answering(dir,
				Reply.to("get virtualservice product -n graychain -o yaml").printing(baseline),
				Reply.to("get destinationrule product -n graychain -o yaml")
					.printing(Files.readString(Tools.repo().resolve("istio/destination-rules/product.yaml"))),
				Reply.toCallsStartingWith("apply -n graychain -f "));
		try (PrometheusStandIn prometheus = new PrometheusStandIn("", q -> new Answer(200, "requests.json"))) {
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
					CanaryMain.class.getName(), "product", "--cluster", "--no-load", "--interval", "10m", "--prometheus",
					prometheus.url().toString()))
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("canary.log").toFile());
			builder.environment().put("KUBECTL", kubectl.executable().toString());
			Process canary = builder.start();
			try {
				// the double logs a call when it begins, and copies the file it was given after
				await().atMost(Duration.ofSeconds(60)).until(() -> kubectl.fileGiven(2).isPresent());
				assertThat(kubectl.fileGiven(2)).get().asString().contains("weight: 10");

				canary.destroy();

				assertThat(canary.waitFor(60, TimeUnit.SECONDS)).isTrue();
				assertThat(kubectl.calls()).hasSize(4);
				assertThat(kubectl.fileGiven(3)).hasValue(Fixtures.text("canary/virtual-service-product-baseline.yaml"));
				assertThat(Files.readString(dir.resolve("canary.log")))
					.contains("canary: interrupted; the VirtualService product in force before is back");
			}
			finally {
				canary.destroyForcibly();
			}
		}
	}

}
