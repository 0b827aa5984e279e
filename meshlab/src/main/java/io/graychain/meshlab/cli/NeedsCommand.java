package io.graychain.meshlab.cli;

import picocli.CommandLine;

/**
 * A command that only groups others: run without one, it says so (exit 2, one line). A group command
 * that cannot extend this class (the engine's {@code scenario}, below this module) is not runnable at
 * all: picocli refuses it without a command, and {@link Meshlab} words that refusal as {@link #missing}.
 */
public abstract class NeedsCommand implements Runnable {

	/** What picocli says when a command that only groups others is run without one. */
	static final String PICOCLI_MISSING = "Missing required subcommand";

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), missing(spec));
	}

	/** {@code "a command is missing: list, show, ..."}: the group's commands but help. */
	static String missing(CommandLine.Model.CommandSpec group) {
		return "a command is missing: "
				+ String.join(", ", group.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList());
	}

}
