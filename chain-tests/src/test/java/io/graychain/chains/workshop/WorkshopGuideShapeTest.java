package io.graychain.chains.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.graychain.support.test.Repository;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workshop guide's shape, without a lab: English and Chinese have the same modules under the
 * same file names, with the same runnable blocks in the same order (commands and checks alike), so
 * the Chinese guide cannot drift from the tested English one; and every block the lab test does not
 * run ({@code bash cluster setup}: there is no cluster to make; a module {@link #WAITING} for its
 * script) is valid bash naming only scripts, and options of them, that exist.
 */
class WorkshopGuideShapeTest {

	static final Path GUIDE = Repository.root().resolve("docs/workshop");

	static final List<String> LANGUAGES = List.of("en", "zh");

	/**
	 * Modules whose commands are not on this branch yet, with the script each waits for: their blocks
	 * are parsed and compared across languages here, but {@link WorkshopGuideTest} runs them only once
	 * they are taken out of this map, and fails while the script exists and they are still in it.
	 */
	static final Map<String, String> WAITING = Map.of();

	/**
	 * What every module has, in its language: the goal, how long it takes, the commands, what you will
	 * see, what to point out, questions to ask the room, and the clean-up.
	 */
	static final Map<String, List<String>> SECTIONS = Map.of(
			"en", List.of("**Goal:**", "**Time:**", "## The commands", "## What you will see", "## What to point out",
					"## Questions for the room", "## Clean-up"),
			"zh", List.of("**目标**：", "**时长**：", "## 操作步骤", "## 你会看到", "## 讲解要点", "## 可以问学员的问题", "## 清理"));

	/** {@code scripts/<name>} and what follows on its line, up to a pipe, a ;, a && or the line's end. */
	private static final Pattern SCRIPT_CALL = Pattern.compile("(?:^|[\\s(;&|])(scripts/[a-z-]+)([^|;&#\\n]*)");

	private static final Pattern LONG_OPTION = Pattern.compile("(?<=\\s)--[a-z][a-z-]*");

	@Test
	void bothLanguagesHaveTheSameModules() {
		List<String> en = names("en");
		assertThat(en).as("modules in docs/workshop/en").isNotEmpty();
		assertThat(names("zh")).as("docs/workshop/zh has the modules of docs/workshop/en, under the same file names")
			.containsExactlyElementsOf(en);
		for (String language : LANGUAGES) {
			assertThat(GUIDE.resolve(language).resolve("README.md")).as("the course index of " + language).isRegularFile();
		}
		assertThat(WAITING.keySet()).isSubsetOf(en);
	}

	static Stream<String> modules() {
		return names("en").stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("modules")
	void everyModuleHasEverySectionInOrder(String name) throws IOException {
		for (String language : LANGUAGES) {
			String text = Files.readString(GUIDE.resolve(language).resolve(name));
			int from = 0;
			for (String section : SECTIONS.get(language)) {
				int at = text.indexOf(section, from);
				assertThat(at).as("%s/%s has \"%s\" after the sections before it (%s)", language, name, section,
						SECTIONS.get(language)).isNotNegative();
				from = at;
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("modules")
	void theChineseModuleRunsTheSameBlocksAsTheEnglishOne(String name) {
		GuideModule en = GuideModule.read(GUIDE.resolve("en").resolve(name));
		GuideModule zh = GuideModule.read(GUIDE.resolve("zh").resolve(name));
		assertThat(en.blocks()).as("%s has runnable blocks", en.file()).isNotEmpty();
		List<GuideBlock.Shape> english = en.blocks().stream().map(GuideBlock::shape).toList();
		List<GuideBlock.Shape> chinese = zh.blocks().stream().map(GuideBlock::shape).toList();
		for (int i = 0; i < Math.min(english.size(), chinese.size()); i++) {
			assertThat(chinese.get(i)).as("block %d: zh/%s:%d is not en/%s:%d", i + 1, name, zh.blocks().get(i).line(), name,
					en.blocks().get(i).line()).isEqualTo(english.get(i));
		}
		assertThat(chinese).as("zh/%s has the runnable blocks of en/%s, in the same order", name, name).hasSameSizeAs(english);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("modules")
	void blocksNoLabRunsAreBashAndNameOnlyOptionsTheirScriptsHave(String name) throws IOException {
		List<GuideBlock> unrun = GuideModule.read(GUIDE.resolve("en").resolve(name)).blocks().stream()
			.filter(b -> b.kind() == GuideBlock.Kind.CLUSTER_SETUP || WAITING.containsKey(name)).toList();
		for (GuideBlock block : unrun) {
			Path script = Files.createTempFile("block", ".sh");
			try {
				Files.writeString(script, block.code());
				ScriptRun syntax = ScriptRun.run(Path.of("/bin/bash"), Map.of(), Duration.ofSeconds(10), "-n", script.toString());
				assertThat(syntax.exit()).as("%s is valid bash: %s", block.where(), syntax).isZero();
			}
			finally {
				Files.delete(script);
			}
			for (String problem : unknownOptions(block)) {
				throw new AssertionError(block.where() + ": " + problem);
			}
		}
	}

	@Test
	void aScriptOrAnOptionThatDoesNotExistIsFound() {
		GuideBlock block = GuideModule.read(GuideModuleTest.fixture("options.md")).blocks().get(0);

		assertThat(unknownOptions(block)).containsExactly("scripts/curl-loop has no option --no-such-option (not in its --help)",
				"scripts/no-such-script is no script of this repository");
	}

	/** Each {@code scripts/x --option} of a block whose script does not exist or whose help does not name the option. */
	static List<String> unknownOptions(GuideBlock block) {
		List<String> problems = new ArrayList<>();
		Matcher call = SCRIPT_CALL.matcher(block.code().replace("\\\n", " "));
		while (call.find()) {
			Path script = Repository.root().resolve(call.group(1));
			if (WAITING.containsValue(call.group(1)) && !Files.exists(script)) {
				continue;
			}
			if (!Files.isExecutable(script)) {
				problems.add(call.group(1) + " is no script of this repository");
				continue;
			}
			ScriptRun help = ScriptRun.run(script, Map.of(), Duration.ofSeconds(30), "--help");
			Matcher option = LONG_OPTION.matcher(" " + call.group(2));
			while (option.find()) {
				if (!help.out().matches("(?s).*(?<![a-z-])" + Pattern.quote(option.group()) + "(?![a-z-]).*")) {
					problems.add(call.group(1) + " has no option " + option.group() + " (not in its --help)");
				}
			}
		}
		return problems;
	}

	static List<String> names(String language) {
		return GuideModule.all(GUIDE.resolve(language)).stream().map(GuideModule::name).toList();
	}

}
