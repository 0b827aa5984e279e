package io.graychain.meshlab.lab.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.graychain.meshlab.lab.ProxyTest;
import io.graychain.meshlab.lab.client.RulesSource;
import io.graychain.meshlab.lab.http.RawHttp;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin endpoint as a hostile web page or client would try it: cross-origin posts, an image
 * tag on /shutdown, DNS rebinding, a missing token, a trickling body, a path instead of YAML.
 * The lab is still starting here (no pods): a call that passes the guards answers 503 "starting".
 */
class AdminSecurityTest {

	static final String TOKEN = "t0ken";

	@TempDir
	Path dir;

	final CountDownLatch shutdown = new CountDownLatch(1);

	AdminServer admin;

	int port;

	@BeforeEach
	void start() {
		admin = AdminServer.start(0, TOKEN, () -> null, shutdown::countDown, ServerLimits.ENVOY, Duration.ofSeconds(1));
		port = admin.port();
	}

	@AfterEach
	void stop() {
		admin.close();
	}

	RawHttp.Reply call(String method, String path, String headerLines, String body) {
		return RawHttp.send(port, method + " " + path + " HTTP/1.1\r\n" + headerLines + "Content-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
	}

	String host() {
		return "Host: 127.0.0.1:" + port + "\r\n";
	}

	String token() {
		return "Authorization: Bearer " + TOKEN + "\r\n";
	}

	@Test
	void aCrossOriginPostIsRefusedEvenAsTextPlain() {
		String page = "Origin: http://evil.example\r\nContent-Type: text/plain\r\n";
		assertThat(call("POST", "/apply", host() + page, "product-50-50").status()).isEqualTo(403);
		assertThat(call("POST", "/apply", host() + page + token(), "product-50-50").status()).isEqualTo(403);
		assertThat(call("POST", "/apply", host() + "Content-Type: text/plain\r\n", "kind: x").status())
			.as("no token").isEqualTo(403);
		assertThat(call("GET", "/status", host() + "Origin: null\r\n", "").status()).isEqualTo(403);
		assertThat(call("GET", "/status", host() + "Origin: http://127.0.0.1:" + port + "\r\n", "").status())
			.as("same origin passes").isEqualTo(503);
	}

	@Test
	void shutdownTakesOnlyAPostWithTheToken() throws InterruptedException {
		RawHttp.Reply image = call("GET", "/shutdown", host(), "");
		assertThat(image.status()).isEqualTo(405);
		assertThat(image.hasHeader("allow", "POST")).isTrue();
		assertThat(call("POST", "/shutdown", host() + "Authorization: Bearer wrong\r\n", "").status()).isEqualTo(403);
		assertThat(shutdown.getCount()).as("not stopped").isEqualTo(1);
		assertThat(call("POST", "/shutdown", host() + token(), "").status()).isEqualTo(202);
		assertThat(shutdown.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void onlyTheLoopbackAddressWithThisPortIsAHost() {
		assertThat(call("GET", "/status", "Host: rebound.example:" + port + "\r\n", "").status()).isEqualTo(421);
		assertThat(call("GET", "/status", "Host: 127.0.0.1\r\n", "").status()).isEqualTo(421);
		assertThat(call("GET", "/status", "Host: 127.0.0.1:1\r\n", "").status()).isEqualTo(421);
		assertThat(call("GET", "/status", "Host: localhost:" + port + "\r\n", "").status()).isEqualTo(503);
		assertThat(call("GET", "/status", "Host: [::1]:" + port + "\r\n", "").status()).isEqualTo(503);
		RawHttp.Reply refused = call("GET", "/status", "Host: rebound.example:" + port + "\r\n", "");
		assertThat(refused.body()).doesNotContain("rebound");
		assertThat(refused.hasHeader("x-content-type-options", "nosniff")).isTrue();
	}

	@Test
	void slowClientsBlockNobodyAndATrickleIsCutOff() throws Exception {
		List<Socket> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 40; i++) {
				Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
				socket.getOutputStream().write(("POST /apply HTTP/1.1\r\n" + host() + token() + "Content-Length: 1000\r\n\r\nkind")
					.getBytes(StandardCharsets.ISO_8859_1));
				slow.add(socket);
			}
			assertThat(call("GET", "/ready", host(), "").status()).as("answers while 40 bodies hang").isEqualTo(503);
			try (Socket trickle = new Socket(InetAddress.getLoopbackAddress(), port)) {
				trickle.setSoTimeout(20_000);
				OutputStream out = trickle.getOutputStream();
				out.write(("POST /apply HTTP/1.1\r\n" + host() + token() + "Content-Length: 1000\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
				String reply = trickleUntilAnswered(out, trickle);
				assertThat(reply).startsWith("HTTP/1.1 408 ");
			}
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	/** Sends a byte every 100 ms (never idle) until the server answers, at most 100 bytes. */
	private static String trickleUntilAnswered(OutputStream out, Socket socket) throws IOException, InterruptedException {
		for (int i = 0; i < 100; i++) {
			try {
				out.write('a');
				out.flush();
			}
			catch (IOException closed) {
				break;
			}
			if (socket.getInputStream().available() > 0) {
				break;
			}
			Thread.sleep(100);
		}
		return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
	}

	@Test
	void aBodyTooLargeIs413AndAnUnknownCallEchoesNothing() {
		assertThat(RawHttp.send(port, "POST /apply HTTP/1.1\r\n" + host() + token() + "Content-Length: " + (2 * 1024 * 1024)
				+ "\r\nConnection: close\r\n\r\n").status()).isEqualTo(413);
		RawHttp.Reply unknown = call("GET", "/%3Cscript%3E", host(), "");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).doesNotContain("script").contains("/apply");
	}

	@Test
	void theTokenFileIsTheOwnersOnly() throws IOException {
		LabState state = new LabState(dir.resolve("state"));
		String token = state.writeToken();
		assertThat(token).hasSize(64);
		Path file = dir.resolve("state").resolve(LabState.TOKEN);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file).strip()).isEqualTo(token);
		assertThat(state.writeToken()).as("a new lab, a new secret").isNotEqualTo(token);
	}

	@Test
	void theClientSendsYamlAndSaysWhatIsMissingWithoutReadingOddFiles() throws Exception {
		Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
		Files.createDirectories(scenarios.resolve("jason"));
		assertThatThrownBy(() -> RulesSource.resolve("/no/such/file", scenarios)).hasMessageContaining("no scenario '/no/such/file'")
			.hasMessageContaining("scenarios: jason");
		Path fifo = dir.resolve("fifo");
		assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
		assertThatThrownBy(() -> RulesSource.resolve(fifo.toString(), scenarios)).hasMessageContaining("not a regular file");
		Path yaml = Files.writeString(dir.resolve("vs.yaml"), "kind: VirtualService\n");
		RulesSource file = RulesSource.resolve(yaml.toString(), scenarios);
		assertThat(file.yaml()).isEqualTo("kind: VirtualService\n");
		assertThat(file.files()).containsExactly("vs.yaml");
		LabRules rules = new LabRules(Mesh.of(), new EngineRouter(Mesh.of(), java.util.Map.of()));
		assertThat(rules.apply("jason", ProxyTest.APPB_BY_HEADER, List.of("virtual-service-appb.yaml")).message())
			.as("the answer names the files, as the workshop guide shows it").startsWith("applied jason: virtual-service-appb.yaml");
	}

	@Test
	void refusedRulesNameTheProblemWithoutEchoingTheTextOrJavaClasses() {
		LabRules rules = new LabRules(Mesh.of(), new EngineRouter(Mesh.of(), java.util.Map.of()));
		String passwd = "root:x:0:0:secret-line:/root:/bin/bash\ndaemon:x:1:1:other-secret:/usr/sbin\n";
		LabRules.Change notYaml = rules.apply("/etc/passwd", passwd);
		assertThat(notYaml.applied()).isFalse();
		assertThat(notYaml.message()).doesNotContain("secret").doesNotContain("root:x");
		LabRules.Change broken = rules.apply("broken", "kind: VirtualService\n  spec: [\n");
		assertThat(broken.message()).contains("not valid YAML at line").doesNotContain("spec: [");
		LabRules.Change unknown = rules.apply("unknown", ProxyTest.APPB_BY_HEADER.replace("subset: v1", "subzet: v1"));
		assertThat(unknown.message()).contains("unknown field 'subzet'").contains("spec.http[1].route[0].destination");
		for (LabRules.Change change : List.of(notYaml, broken, unknown)) {
			assertThat(change.message()).doesNotContain("io.fabric8").doesNotContain("com.fasterxml").doesNotContain("org.yaml")
				.doesNotContain("Exception");
		}
	}

}
