package io.graychain.meshlab.canary;

import picocli.CommandLine;

/** The canary command alone in a JVM, as meshlab's command line will run it: for the Ctrl-C test. */
public final class CanaryMain {

	private CanaryMain() {
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new CanaryCommand()).execute(args));
	}

}
