package io.graychain.meshlab.lab;

import java.nio.file.Path;

import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.kustomize.ManifestException;
import io.graychain.meshlab.lab.bench.LabBench;
import io.graychain.meshlab.lab.client.AdminCommand;
import io.graychain.meshlab.lab.daemon.LabDaemon;
import io.graychain.meshlab.lab.loop.CurlLoop;
import io.graychain.meshlab.lab.verify.VerifyCommand;

/**
 * The lab's command line ({@code java -jar meshlab-<version>-exec.jar <command> ...}), what
 * {@code scripts/lab}, {@code scripts/curl-loop} and {@code scripts/verify} run:
 * {@code daemon} (the lab itself), {@code admin} (a call to a running lab's admin endpoint), {@code loop} (a curl loop with a live tally), {@code verify}
 * (a scenario's expectation checked against a running lab or cluster), {@code bench} (the data
 * plane's latency and throughput, what {@code scripts/bench-lab} runs), {@code render} (a
 * kustomization built as the lab builds it, the YAML {@code kubectl kustomize} prints).
 */
public final class LabMain {

	private LabMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: meshlab daemon|admin|loop|verify|render|explain|bench [options]");
			System.exit(2);
		}
		String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
		try {
			int status = switch (args[0]) {
				case "daemon" -> LabDaemon.run(Args.parse(rest));
				case "admin" -> AdminCommand.run(Args.parse(rest), System.out, System.err);
				case "bench" -> LabBench.run(Args.parse(rest), System.out);
				case "loop" -> CurlLoop.run(Args.parse(rest, CurlLoop.SWITCHES), System.out);
				case "verify" -> VerifyCommand.run(Args.parse(rest, VerifyCommand.SWITCHES), System.out);
				case "render" -> render(rest);
				case "explain" -> io.graychain.meshlab.explain.ExplainCommand.run(rest);
				default -> {
					System.err.println("unknown command '" + args[0] + "': use daemon, admin, loop, verify, render, explain or bench");
					yield 2;
				}
			};
			System.exit(status);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
		}
	}

	/** {@code render <kustomization dir>}: prints the build; exit 1 with kustomize's reason when it fails. */
	private static int render(String[] args) {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: meshlab render <kustomization folder>");
		}
		try {
			System.out.print(new Kustomizer().renderYaml(Path.of(args[0])));
			return 0;
		}
		catch (ManifestException ex) {
			System.err.println("render: " + ex.getMessage());
			return 1;
		}
	}

}
