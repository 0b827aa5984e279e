package io.graychain.chains.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.graychain.support.test.ScriptRun;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs one runnable block of the guide as a reader would paste it: bash ({@code set -euo pipefail},
 * stderr into stdout) from the repository root, in a fresh shell with the variables given (and
 * ScriptRun's clean PATH, HOME and LANG), bounded by the block's timeout; then checks its exit status
 * and patterns. A failure names the file and the block's line, says what failed, and shows the block
 * and the tail of its output.
 *
 * @param repo where the block runs
 * @param environment the variables the block sees, e.g. the lab's state folder
 * @param scratch where the block's script is written while it runs
 */
record GuideBlockRunner(Path repo, Map<String, String> environment, Path scratch) {

	static final int TAIL = 40;

	void check(GuideBlock block) throws IOException {
		ScriptRun run = run(block);
		String output = run.out();
		List<String> wrong = new ArrayList<>();
		if (run.exit() != block.exit()) {
			wrong.add("exit " + run.exit() + ", not " + block.exit());
		}
		block.expect().stream().filter(p -> !GuideBlock.compile(p).matcher(output).find())
			.forEach(p -> wrong.add("no match for expect: " + p));
		block.expectNot().stream().filter(p -> GuideBlock.compile(p).matcher(output).find())
			.forEach(p -> wrong.add("a match for expect-not: " + p));
		if (!wrong.isEmpty()) {
			fail(block.where() + ": " + String.join("; ", wrong) + "\n--- block:\n" + block.code() + "--- output (last " + TAIL
					+ " lines):\n" + tail(output, TAIL));
		}
	}

	private ScriptRun run(GuideBlock block) throws IOException {
		Path script = Files.createTempFile(scratch, "block", ".sh");
		Files.writeString(script, "#!/usr/bin/env bash\nset -euo pipefail\nexec 2>&1\ncd " + quote(repo.toString()) + "\n"
				+ block.code());
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
		try {
			return ScriptRun.run(script, environment, block.timeout());
		}
		catch (AssertionFailedError ex) {
			throw new AssertionFailedError(block.where() + ": did not finish within " + block.timeout().toSeconds() + " s\n--- block:\n"
					+ block.code() + "--- output (last " + TAIL + " lines):\n" + tail(ex.getMessage(), TAIL), ex);
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	static String tail(String text, int lines) {
		List<String> all = text.lines().toList();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	private static String quote(String s) {
		return "'" + s.replace("'", "'\\''") + "'";
	}

}
