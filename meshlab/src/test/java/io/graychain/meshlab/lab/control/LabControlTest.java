package io.graychain.meshlab.lab.control;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.graychain.meshlab.cli.Meshlab;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.daemon.AdminServer;
import io.graychain.meshlab.lab.daemon.LabState;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How {@code scripts/lab up} waits for the daemon it started: its verdict line in its log, its end, or
 * the deadline; stand-ins for the daemon are bash one-liners writing what the daemon writes.
 */
class LabControlTest {

	@TempDir
	Path state;

	final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	LabControl control() {
		return new LabControl(state, new PrintStream(printed, true, StandardCharsets.UTF_8));
	}

	static List<String> daemon(String script) {
		return List.of(Tools.onPath("bash").toString(), "-c", script);
	}

	@Test
	void readyIsTheVerdictAfterTheDaemonsOtherLines() {
		String verdict = control().start(daemon("echo '[lab 12:00:00] starting'; echo '[lab 12:00:05] ready: http://127.0.0.1:1'"),
				Duration.ofSeconds(30));

		assertThat(verdict).isEqualTo("[lab 12:00:05] ready: http://127.0.0.1:1");
	}

	@Test
	void aFailedStartSaysSoWithTheLogTail() {
		assertThatThrownBy(() -> control().start(daemon("echo 'pod appa-v1-0 exited'; echo '[lab 12:00:05] FAILED: appa-v1-0 exited'; exit 1"),
				Duration.ofSeconds(30)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("the lab did not start:\npod appa-v1-0 exited\n[lab 12:00:05] FAILED: appa-v1-0 exited");
	}

	@Test
	void aDaemonThatEndsWithoutAVerdictStoppedBeforeItWasReady() {
		assertThatThrownBy(() -> control().start(daemon("echo 'Error: no main class'; exit 1"), Duration.ofSeconds(30)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("the lab stopped before it was ready:\nError: no main class");
	}

	@Test
	void aDaemonWithoutAVerdictInTimeIsStopped() throws Exception {
		Path pid = state.resolve("standin.pid");

		assertThatThrownBy(() -> control().start(daemon("echo $$ > '" + pid + "'; echo starting; exec tail -f /dev/null"),
				Duration.ofSeconds(2)))
			.isInstanceOf(IllegalStateException.class).hasMessage("not ready after 2 s:\nstarting");
		long standIn = Long.parseLong(Files.readString(pid).strip());
		ProcessHandle.of(standIn).ifPresent(p -> assertThat(p.onExit()).succeedsWithin(Duration.ofSeconds(10)));
	}

	@Test
	void theDashboardLinkCarriesTheTokenInItsFragmentAndIsSweptWithTheLab() throws Exception {
		Files.writeString(state.resolve("dashboard.url"), "http://127.0.0.1:18082/\n");
		Files.writeString(state.resolve("admin.token"), "s3cret\n");
		assertThat(control().dashboardLink()).isEqualTo("http://127.0.0.1:18082/#token=s3cret");
		control().sweep();
		assertThat(state.resolve("dashboard.url")).doesNotExist();
		assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("s3cret");
	}

	@Test
	void withoutALabThereIsNothingToStopOrAsk() {
		assertThat(control().stop(Duration.ofSeconds(5))).isFalse();
		assertThatThrownBy(() -> control().client()).isInstanceOf(IllegalStateException.class)
			.hasMessage("no lab runs (start one with scripts/lab up)");
	}

	@Test
	void aLeftoverPodOfThisLabIsStopped() throws Exception {
		// what a pod's command line carries: -Dgraychain.lab=<state dir>; "read" waits on the open stdin
		Process pod = new ProcessBuilder(Tools.onPath("bash").toString(), "-c", "read -r", "-Dgraychain.lab=" + state, "pod").start();
		try {
			Files.writeString(state.resolve("pods.pids"), pod.pid() + " appa-v1-0\n");

			control().sweep();

			assertThat(pod.onExit()).succeedsWithin(Duration.ofSeconds(10));
			assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("lab: stopping leftover pod appa-v1-0 (pid " + pod.pid() + ")\n");
		}
		finally {
			pod.destroyForcibly();
		}
	}

	@Test
	void aLeftoverPodIsStoppedOnlyWhenItCarriesThisLabsMarker() throws Exception {
		Process other = new ProcessBuilder(daemon("exec tail -f /dev/null")).start();
		try {
			Files.writeString(state.resolve("pods.pids"), other.pid() + " appa-v1-0\n");
			Files.writeString(state.resolve("lab.pid"), "1\n");

			control().sweep();

			assertThat(other.isAlive()).as("not this lab's: no -Dgraychain.lab=" + state).isTrue();
			assertThat(state.resolve("pods.pids")).doesNotExist();
			assertThat(state.resolve("lab.pid")).doesNotExist();
		}
		finally {
			other.destroy();
		}
	}

	@Test
	void theCommandLineSendsTheTokenFromTheStateFolder() throws InterruptedException {
		LabState labState = new LabState(state.resolve("lab"));
		CountDownLatch stopped = new CountDownLatch(1);
		AdminServer lab = AdminServer.start(0, labState.writeToken(), () -> null, stopped::countDown, ServerLimits.ENVOY);
		try {
			labState.writeStarted(ProcessHandle.current().pid(), lab.port());
			Path folder = state.resolve("lab");
			LabControl control = new LabControl(folder, new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
			OneShotHttp.Reply starting = control.client().post("/reset", "");
			assertThat(starting.status()).as("the lab is starting: 503").isEqualTo(503);
			assertThat(starting.body()).contains("starting");
			assertThat(control.client().post("/shutdown", "").status()).as("the token was taken").isEqualTo(202);
			assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
			java.io.StringWriter err = new java.io.StringWriter();
			picocli.CommandLine line = Meshlab.commandLine();
			line.setErr(new java.io.PrintWriter(err, true));
			assertThat(line.execute("lab", "--lab-state", folder.toString(), "--repo", folder.toString(), "apply", "no-such"))
				.as("resolved by the client, refused before anything is sent").isEqualTo(Meshlab.USAGE);
			assertThat(err.toString()).contains("no scenario 'no-such'").doesNotContain("Exception");
		}
		finally {
			lab.close();
		}
	}

}
