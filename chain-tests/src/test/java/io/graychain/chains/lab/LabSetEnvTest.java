package io.graychain.chains.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.support.test.Repository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/lab set-env} in a one-pod lab (product-v1): the Deployment's environment changes
 * as {@code kubectl set env} changes it, a new pod takes over once it is ready and the old one is
 * stopped; {@code status} shows the override; a change the new pod cannot start with is not kept.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabSetEnvTest {

	static final Path REPO = Repository.root();

	static final Duration ROLLOUT = Duration.ofSeconds(180);

	static LabProcess lab;

	@BeforeAll
	static void up() {
		Path state = Path.of(System.getProperty("graychain.services.dir")).getParent().resolve("lab-set-env");
		lab = LabProcess.start(REPO, "chain-tests/src/test/resources/lab/product-only", state, FreePort.find());
	}

	@AfterAll
	static void down() {
		if (lab != null) {
			lab.close();
		}
	}

	private static String product() {
		URI ingress = URI.create(lab.client().ingressUrl());
		OneShotHttp.Reply reply = OneShotHttp.get(new InetSocketAddress(ingress.getHost(), ingress.getPort()), "/product",
				"product.graychain.local", Map.of(), Duration.ofSeconds(20));
		return reply.body().strip();
	}

	private static List<Long> podPids() throws IOException {
		return Files.readAllLines(lab.stateDir().resolve("pods.pids")).stream().filter(l -> !l.isBlank())
			.map(l -> Long.parseLong(l.split(" ")[0])).toList();
	}

	@Test
	@Order(1)
	void aNewPodWithTheNewEnvironmentTakesOverAndTheOldOneIsStopped() throws IOException {
		assertThat(product()).isEqualTo("product:v1");
		List<Long> before = podPids();

		String answer = lab.client().setEnv("product-v1", List.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100"), ROLLOUT);

		assertThat(answer).contains("product-v1-0 replaced by product-v1-r2-0")
			.contains("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100");
		assertThat(product()).isEqualTo("product:!500");
		assertThat(before).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(
				java.util.Optional.of(true)));
		assertThat(podPids()).hasSize(1).doesNotContainAnyElementsOf(before);
		assertThat(lab.status()).contains("env overrides")
			.containsPattern("product-v1\\s+revision 2\\s+GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=100")
			.contains("product-v1-r2-0");
	}

	@Test
	@Order(2)
	void removingTheVariableRollsBackToTheManifest() {
		String answer = lab.client().setEnv("product-v1", List.of("GRAYCHAIN_MISBEHAVE_ERROR_PERCENT-"), ROLLOUT);
		assertThat(answer).contains("replaced by product-v1-r3-0");
		assertThat(product()).isEqualTo("product:v1");
		assertThat(lab.status()).containsPattern("product-v1\\s+revision 3\\s+\\(as in the manifest\\)");
	}

	@Test
	@Order(3)
	void aValueTheNewPodCannotStartWithIsNotKept() {
		OneShotHttp.Reply reply = lab.post("/set-env", "product-v1\nGRAYCHAIN_MISBEHAVE_DELAY=soon\n");
		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.body()).contains("not changed: product-v1-r4-0 exited with status 1")
			.contains("GRAYCHAIN_MISBEHAVE_DELAY=soon is not a duration")
			.contains("keep running");
		assertThat(product()).isEqualTo("product:v1");
		assertThat(lab.status()).containsPattern("product-v1\\s+revision 3");
	}

	@Test
	@Order(4)
	void aMalformedChangeOrAnUnknownDeploymentIsA400() {
		OneShotHttp.Reply malformed = lab.post("/set-env", "product-v1\nGRAYCHAIN_MISBEHAVE_DELAY\n");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("is neither NAME=VALUE (set) nor NAME- (remove)");
		OneShotHttp.Reply unknown = lab.post("/set-env", "appb-v9\nA=1\n");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("no Deployment appb-v9 in the lab; its Deployments: product-v1");
	}

}
