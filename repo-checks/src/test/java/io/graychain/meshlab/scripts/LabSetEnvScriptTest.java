package io.graychain.meshlab.scripts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/lab set-env}: what it sends the lab's admin endpoint, here a stand-in on loopback
 * that records the request and answers as the lab would.
 */
class LabSetEnvScriptTest {

	static final Path LAB = Tools.repo().resolve("scripts/lab");

	@TempDir
	Path state;

	HttpServer admin;

	final List<String> received = new CopyOnWriteArrayList<>();

	final List<String> authorizations = new CopyOnWriteArrayList<>();

	volatile int status = 200;

	@BeforeEach
	void standInForTheLab() throws IOException {
		admin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
		admin.createContext("/", exchange -> {
			authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] reply = (status == 200 ? "deployment appb-v2 rolled out (revision 2)\n" : "not changed: it did not start\n")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, reply.length);
			exchange.getResponseBody().write(reply);
			exchange.close();
		});
		admin.start();
		// the script checks that the lab's pid is alive: this test's own
		Files.writeString(state.resolve("lab.pid"), ProcessHandle.current().pid() + "\n");
		Files.writeString(state.resolve("admin.port"), admin.getAddress().getPort() + "\n");
		Files.writeString(state.resolve("admin.token"), "t0ken\n");
	}

	@AfterEach
	void stop() {
		admin.stop(0);
	}

	private ScriptRun lab(String... args) {
		return ScriptRun.run(LAB, Tools.scriptEnv(Map.of("GRAYCHAIN_LAB_STATE", state.toString())), Duration.ofSeconds(30), args);
	}

	@Test
	void sendsTheDeploymentThenOneChangePerLine() {
		ScriptRun run = lab("set-env", "appb-v2", "GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30", "JAVA_OPTS=-Da=b c", "OLD-");
		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.out()).contains("rolled out (revision 2)");
		assertThat(received).containsExactly(
				"POST /set-env\nappb-v2\nGRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30\nJAVA_OPTS=-Da=b c\nOLD-");
		assertThat(authorizations).as("the lab's token, a state-changing call").containsExactly("Bearer t0ken");
	}

	@Test
	void aRefusalFailsWithTheLabsReason() {
		status = 409;
		ScriptRun run = lab("set-env", "appb-v2", "GRAYCHAIN_MISBEHAVE_DELAY=soon");
		assertThat(run.exit()).isNotZero();
		assertThat(run.out()).contains("not changed: it did not start");
	}

	@Test
	void withoutAChangeItSaysHowToUseIt() {
		ScriptRun run = lab("set-env", "appb-v2");
		assertThat(run.exit()).isNotZero();
		assertThat(run.err()).contains("Missing required parameter: 'NAME=VALUE|NAME-'");
		assertThat(received).isEmpty();
	}

	@Test
	void aLineBreakInAValueIsRefused() {
		ScriptRun run = lab("set-env", "appb-v2", "A=one\ntwo");
		assertThat(run.exit()).isNotZero();
		assertThat(run.err()).contains("a line break in");
		assertThat(received).isEmpty();
	}

}
