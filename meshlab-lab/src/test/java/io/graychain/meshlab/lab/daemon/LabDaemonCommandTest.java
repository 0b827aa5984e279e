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
	void anOverlayThatIsNotThereIsRefusedByItsPath() {
		assertThatThrownBy(() -> options("--repo", REPO.toString(), "--overlay", "k8s/overlays/v9"))
			.isInstanceOf(IllegalArgumentException.class).hasMessage("no overlay folder " + REPO.resolve("k8s/overlays/v9"));
	}

}
