package io.graychain.meshlab.lab.daemon;

import java.nio.file.Path;
import java.time.Duration;

import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code meshlab daemon}'s options as the lab gets them. */
class LabDaemonCommandTest {

	static final Path REPO = Tools.repo();

	static LabOptions options(String... args) {
		LabDaemonCommand command = new LabDaemonCommand();
		new CommandLine(command).parseArgs(args);
		return command.options();
	}

	@Test
	void optionsGiven() {
		LabOptions options = options("--repo", REPO.toString(), "--overlay", "k8s/overlays/v1", "--lab-state", "/tmp/lab-x",
				"--lab-port", "18181", "--jvm-flags", " -Xmx64m  -Xss256k ", "--ready-timeout", "30", "--restart-backoff-ms", "250",
				"--admin-port", "18182");

		assertThat(options.repo()).isEqualTo(REPO);
		assertThat(options.overlay()).isEqualTo(REPO.resolve("k8s/overlays/v1"));
		assertThat(options.stateDir()).isEqualTo(Path.of("/tmp/lab-x"));
		assertThat(options.ingressPort()).isEqualTo(18181);
		assertThat(options.adminPort()).isEqualTo(18182);
		assertThat(options.jvmFlags()).containsExactly("-Xmx64m", "-Xss256k");
		assertThat(options.readyWithin()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.restartBackoff()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void theKubeletsBackoffByDefault() {
		assertThat(options("--repo", REPO.toString()).restartBackoff()).isEqualTo(io.graychain.meshlab.lab.pods.RestartBackoff.KUBELET_INITIAL);
	}

	@Test
	void theGatewayApiGatewaySitsBesideTheIngressByDefault() {
		assertThat(options("--repo", REPO.toString(), "--lab-port", "18181").gatewayApiPort()).isEqualTo(18182);
		assertThat(options("--repo", REPO.toString(), "--lab-port", "0").gatewayApiPort()).isZero();
	}

	@Test
	void theGatewayApiPortIsAnOption() {
		assertThat(options("--repo", REPO.toString(), "--gateway-api-port", "19090").gatewayApiPort()).isEqualTo(19090);
		assertThat(options("--repo", REPO.toString(), "--gateway-api-port", "0").gatewayApiPort()).isZero();
		assertThatThrownBy(() -> options("--repo", REPO.toString(), "--lab-port", "18181", "--gateway-api-port", "18181"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("--gateway-api-port 18181 is the lab port (--lab-port) already: choose another");
		assertThatThrownBy(() -> options("--repo", REPO.toString(), "--gateway-api-port", "http"))
			.isInstanceOf(IllegalArgumentException.class).hasMessage("--gateway-api-port must be a port number, not 'http'");
		assertThatThrownBy(() -> options("--repo", REPO.toString(), "--gateway-api-port", "70000"))
			.isInstanceOf(IllegalArgumentException.class).hasMessage("--gateway-api-port must be 0 to 65535, not 70000");
	}

	@Test
	void anOverlayThatIsNotThereIsRefusedByItsPath() {
		assertThatThrownBy(() -> options("--repo", REPO.toString(), "--overlay", "k8s/overlays/v9"))
			.isInstanceOf(IllegalArgumentException.class).hasMessage("no overlay folder " + REPO.resolve("k8s/overlays/v9"));
	}

}
