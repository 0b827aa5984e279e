package io.graychain.meshlab.cli;

import java.io.PrintWriter;

import io.graychain.meshlab.canary.CanaryCommand;
import io.graychain.meshlab.explain.ExplainCommand;
import io.graychain.meshlab.kustomize.RenderCommand;
import io.graychain.meshlab.lab.bench.LabBench;
import io.graychain.meshlab.lab.control.LabCommand;
import io.graychain.meshlab.lab.daemon.LabDaemonCommand;
import io.graychain.meshlab.lab.loop.LoopCommand;
import io.graychain.meshlab.lab.verify.VerifyCommand;
import io.graychain.meshlab.scenario.ScenarioCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * meshlab's one command line ({@code java -jar meshlab-<version>-exec.jar <command> ...}), what every
 * script under {@code scripts/} that needs Java runs. Options take their defaults from
 * {@code GRAYCHAIN_*} environment variables named after them ({@code --lab-port} from
 * {@code GRAYCHAIN_LAB_PORT}); docs/scripts.md has the table.
 * <p>
 * Exit status: 0 done, 1 the command ran and what it checked does not hold (or it failed on its
 * way), 2 bad input (an unknown option, a bad value, a missing argument), with one line on stderr.
 */
@Command(name = "meshlab", mixinStandardHelpOptions = true, versionProvider = Meshlab.Version.class,
		description = "graychain's Istio route engine, local lab and cluster helpers.",
		commandListHeading = "%nCommands:%n",
		subcommands = {
				LabCommand.class,
				LabDaemonCommand.class,
				LabBench.class,
				LoopCommand.class,
				VerifyCommand.class,
				RenderCommand.class,
				ScenarioCommand.class,
				ExplainCommand.class,
				CanaryCommand.class,
				CommandLine.HelpCommand.class })
public final class Meshlab extends NeedsCommand {

	/** Exit status of a command whose check does not hold, or that failed on its way. */
	public static final int FAILED = 1;

	/** Exit status for bad input. */
	public static final int USAGE = 2;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line with meshlab's error handling: one line on stderr, never a stack trace. */
	public static CommandLine commandLine() {
		CommandLine line = new CommandLine(new Meshlab());
		line.setParameterExceptionHandler(Meshlab::badInput);
		line.setExecutionExceptionHandler(Meshlab::failed);
		return line;
	}

	private static int badInput(CommandLine.ParameterException ex, String[] args) {
		CommandLine command = ex.getCommandLine();
		PrintWriter err = command.getErr();
		String message = NeedsCommand.PICOCLI_MISSING.equals(ex.getMessage()) ? NeedsCommand.missing(command.getCommandSpec()) : ex.getMessage();
		err.println(prefix(command) + message + " (see: " + command.getCommandSpec().qualifiedName() + " --help)");
		return USAGE;
	}

	/** A refusal of the input ({@link IllegalArgumentException}) is exit 2, any other failure exit 1: its message, one line. */
	private static int failed(Exception ex, CommandLine command, CommandLine.ParseResult parsed) {
		String message = ex.getMessage() == null ? "failed (an internal error)" : ex.getMessage();
		command.getErr().println(prefix(command) + message);
		return ex instanceof IllegalArgumentException ? USAGE : FAILED;
	}

	/** {@code "verify: "}: the name of the command that speaks. */
	private static String prefix(CommandLine command) {
		return command.getCommandName() + ": ";
	}

	/** The version in the jar's manifest (absent when run from classes). */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = Meshlab.class.getPackage().getImplementationVersion();
			return new String[] { "meshlab " + (version == null ? "(development build)" : version) };
		}

	}

}
