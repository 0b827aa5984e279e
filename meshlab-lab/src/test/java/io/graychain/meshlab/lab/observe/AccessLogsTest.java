package io.graychain.meshlab.lab.observe;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Each proxy's access log is bounded: past its size it moves to {@code .access.log.1} and starts again. */
class AccessLogsTest {

	@TempDir
	Path dir;

	@Test
	void aLogPastItsBoundIsRotatedKeepingOneOldFile() throws Exception {
		String line = "x".repeat(99);
		try (AccessLogs logs = new AccessLogs(dir, 1000)) {
			for (int i = 0; i < 25; i++) {
				logs.write("gateway", line + (i % 10));
			}
		}
		long current = Files.size(AccessLogs.file(dir, "gateway"));
		long previous = Files.size(AccessLogs.previous(dir, "gateway"));
		assertThat(current).isEqualTo(7 * 101);
		assertThat(previous).isLessThanOrEqualTo(1000).isEqualTo(9 * 101);
		assertThat(Files.readAllLines(AccessLogs.file(dir, "gateway"))).last().isEqualTo(line + 4);
	}

	@Test
	void eachLabStartsItsLogsEmpty() throws Exception {
		Files.writeString(AccessLogs.file(dir, "appa-v1-0"), "from the lab before\n");
		try (AccessLogs logs = new AccessLogs(dir, 1000)) {
			logs.write("appa-v1-0", "now");
		}
		assertThat(Files.readAllLines(AccessLogs.file(dir, "appa-v1-0"))).containsExactly("now");
	}

}
