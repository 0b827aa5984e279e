package io.graychain.meshlab.lab.control;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.graychain.meshlab.cli.Meshlab;
import io.graychain.meshlab.lab.observe.AccessLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scripts/lab logs --access <pod|gateway>}: a proxy's access log, its rotated part first. */
class LabLogsTest {

	@TempDir
	Path state;

	@Test
	void theAccessLogOfAProxyIsPrintedOldestFirst() throws Exception {
		Path logs = Files.createDirectories(state.resolve("logs"));
		Files.writeString(AccessLogs.previous(logs, "gateway"), "older line\n");
		Files.writeString(AccessLogs.file(logs, "gateway"), "newer line\n");

		Run run = run("logs", "--access", "gateway");

		assertThat(run.status()).isZero();
		assertThat(run.out()).isEqualTo("older line\nnewer line\n");
	}

	@Test
	void aProxyWithoutAnAccessLogIsNamedInOneLine() {
		Run run = run("logs", "--access", "appa-v9-0");

		assertThat(run.status()).isNotZero();
		assertThat(run.err()).contains("no access log of appa-v9-0").doesNotContain("Exception");
	}

	private record Run(int status, String out, String err) {
	}

	private Run run(String... args) {
		PrintStream before = System.out;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		StringWriter err = new StringWriter();
		try {
			System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
			CommandLine line = Meshlab.commandLine();
			line.setErr(new PrintWriter(err, true));
			String[] all = new String[args.length + 5];
			System.arraycopy(new String[] { "lab", "--lab-state", state.toString(), "--repo", state.toString() }, 0, all, 0, 5);
			System.arraycopy(args, 0, all, 5, args.length);
			int status = line.execute(all);
			return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString());
		}
		finally {
			System.setOut(before);
		}
	}

}
