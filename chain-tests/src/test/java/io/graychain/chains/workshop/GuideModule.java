package io.graychain.chains.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * One module of the workshop guide ({@code docs/workshop/<language>/NN-name.md}) and the blocks a test
 * executes in it, read by the convention of docs/workshop/README.md: a fence {@code ```bash run},
 * {@code ```bash cluster} or {@code ```bash cluster setup}, then, on the lines right after the closing fence, any number of
 * {@code <!-- expect: REGEX -->}, {@code <!-- expect-not: REGEX -->}, {@code <!-- exit: N -->} and
 * {@code <!-- timeout: SECONDS -->}. A mistake in that markup is an error naming file and line, never
 * a block quietly left out.
 *
 * @param file the module file
 * @param blocks its runnable blocks, in order
 */
record GuideModule(Path file, List<GuideBlock> blocks) {

	private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*(.*)$");

	private static final Pattern CHECK = Pattern.compile("^<!--\\s*([a-z-]+):\\s?(.*?)\\s*-->\\s*$");

	private static final Pattern MODULE_NAME = Pattern.compile("\\d\\d-[a-z0-9-]+\\.md");

	/** The modules of one language folder, in the order of their file names (README.md is the index). */
	static List<GuideModule> all(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> MODULE_NAME.matcher(f.getFileName().toString()).matches()).sorted()
				.map(GuideModule::read).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static GuideModule read(Path file) {
		try {
			return parse(file, Files.readAllLines(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static GuideModule parse(Path file, List<String> lines) {
		List<GuideBlock> blocks = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			Matcher open = FENCE.matcher(lines.get(i));
			if (!open.matches()) {
				i++;
				continue;
			}
			int start = i;
			String fence = open.group(2);
			String[] info = open.group(3).strip().split("\\s+");
			StringBuilder code = new StringBuilder();
			i++;
			while (i < lines.size() && !isClosing(lines.get(i), fence)) {
				code.append(lines.get(i)).append('\n');
				i++;
			}
			if (i == lines.size()) {
				throw new IllegalArgumentException(where(file, start) + ": the block is never closed");
			}
			i++;
			GuideBlock.Kind kind = kind(file, start, info);
			List<String> expect = new ArrayList<>();
			List<String> expectNot = new ArrayList<>();
			int exit = 0;
			Duration timeout = GuideBlock.DEFAULT_TIMEOUT;
			while (i < lines.size() && lines.get(i).startsWith("<!--")) {
				Matcher check = CHECK.matcher(lines.get(i));
				if (kind == null || !check.matches()) {
					throw new IllegalArgumentException(where(file, i) + ": " + (kind == null
							? "a check comment after a block that is not 'bash run' or 'bash cluster'"
							: "not a check of the form <!-- name: value -->: " + lines.get(i)));
				}
				String value = check.group(2);
				switch (check.group(1)) {
					case "expect" -> expect.add(regex(file, i, value));
					case "expect-not" -> expectNot.add(regex(file, i, value));
					case "exit" -> exit = number(file, i, value);
					case "timeout" -> timeout = Duration.ofSeconds(number(file, i, value));
					default -> throw new IllegalArgumentException(where(file, i) + ": unknown check '" + check.group(1)
							+ "' (expect, expect-not, exit, timeout)");
				}
				i++;
			}
			if (kind != null) {
				if (expect.isEmpty() && expectNot.isEmpty()) {
					throw new IllegalArgumentException(where(file, start) + ": a runnable block needs at least one <!-- expect: REGEX -->");
				}
				blocks.add(new GuideBlock(file, start + 1, kind, code.toString(), List.copyOf(expect), List.copyOf(expectNot),
						exit, timeout));
			}
		}
		return new GuideModule(file, List.copyOf(blocks));
	}

	/** The file name, the same in every language. */
	String name() {
		return file.getFileName().toString();
	}

	private static boolean isClosing(String line, String fence) {
		String stripped = line.strip();
		return stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0));
	}

	private static GuideBlock.Kind kind(Path file, int line, String[] info) {
		if (info.length < 2 || !info[0].equals("bash")) {
			return null;
		}
		String kind = String.join(" ", info);
		return switch (kind) {
			case "bash run" -> GuideBlock.Kind.RUN;
			case "bash cluster" -> GuideBlock.Kind.CLUSTER;
			case "bash cluster setup" -> GuideBlock.Kind.CLUSTER_SETUP;
			default -> throw new IllegalArgumentException(where(file, line) + ": unknown block kind '" + kind
					+ "' (bash run, bash cluster, bash cluster setup, or plain bash for a block no test runs)");
		};
	}

	private static String regex(Path file, int line, String value) {
		try {
			GuideBlock.compile(value);
			return value;
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException(where(file, line) + ": not a regular expression: " + ex.getDescription() + ": " + value);
		}
	}

	private static int number(Path file, int line, String value) {
		if (!value.matches("\\d{1,4}")) {
			throw new IllegalArgumentException(where(file, line) + ": not a number: " + value);
		}
		return Integer.parseInt(value);
	}

	private static String where(Path file, int index) {
		return file + ":" + (index + 1);
	}

}
