package io.graychain.meshlab.cli;

import picocli.CommandLine;

/** A command that only groups others: run without one, it says so (exit 2, one line). */
public abstract class NeedsCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing: "
				+ String.join(", ", spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList()));
	}

}
