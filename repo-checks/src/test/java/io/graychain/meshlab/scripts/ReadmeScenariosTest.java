package io.graychain.meshlab.scripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's scenario table is the front door's list: one row per folder of istio/scenarios, each linking its README. */
class ReadmeScenariosTest {

	private static final Pattern ROW = Pattern.compile("^\\| \\[([a-z0-9-]+)]\\(istio/scenarios/([a-z0-9-]+)/README\\.md\\) \\|", Pattern.MULTILINE);

	@Test
	void theScenarioTableListsEveryScenarioOnce() throws IOException {
		Path repo = Tools.repo();
		List<String> folders;
		try (Stream<Path> dirs = Files.list(repo.resolve("istio/scenarios"))) {
			folders = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
		}
		Matcher rows = ROW.matcher(Files.readString(repo.resolve("README.md")));
		List<String> listed = rows.results().map(m -> {
			assertThat(m.group(1)).as("a row's text names its folder").isEqualTo(m.group(2));
			return m.group(2);
		}).toList();
		assertThat(listed).as("README.md's scenario table").doesNotHaveDuplicates();
		assertThat(listed.stream().sorted().toList()).isEqualTo(folders);
	}

}
