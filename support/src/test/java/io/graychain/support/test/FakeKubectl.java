package io.graychain.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.graychain.support.probe.MeshProbe;

/**
 * A test double of kubectl, stated as such: a bash script in a test's folder, for the one command
 * graychain runs against a cluster's pods. It accepts only
 * {@code exec -n <namespace> deploy/<workload> -c app -- java <flags> -cp @/app/jib-classpath-file
 * io.graychain.support.probe.MeshProbe <args>} (anything else exits 64 and says why), and then runs
 * that probe here, with those flags, on the probe's own classes instead of the image's classpath, and
 * through the HTTP proxy given for the workload (a lab sidecar, or any stand-in for a pod's sidecar).
 * A workload without one is answered as kubectl answers for a missing Deployment (exit 1, NotFound).
 * Each call is logged: {@code begin <args>} before the probe runs, {@code end} after.
 *
 * @param executable the script, to run as kubectl
 * @param log the call log
 */
public record FakeKubectl(Path executable, Path log) {

	/** Runs the probe for the workloads in {@code proxies}, through the proxy on that loopback port. */
	public static FakeKubectl probeRunner(Path dir, String namespace, Map<String, Integer> proxies) {
		String cases = proxies.entrySet().stream().map(e -> "  " + quote(e.getKey()) + ") proxy=(-Dhttp.proxyHost=127.0.0.1"
				+ " -Dhttp.proxyPort=" + e.getValue() + ") ;;\n").collect(Collectors.joining());
		return write(dir, """
				[[ "$*" == "exec -n %1$s deploy/"* ]] || fail "not exec -n %1$s deploy/<workload>"
				workload="${4#deploy/}"
				[[ "$5 $6 $7 $8" == "-c app -- java" ]] || fail "not -c app -- java"
				shift 8
				flags=()
				while (($# > 0)) && [[ "$1" != -cp ]]; do
				  [[ "$1" == -[XD]* ]] || fail "$1 is no JVM flag"
				  flags+=("$1")
				  shift
				done
				[[ "${2:-} ${3:-}" == "@/app/jib-classpath-file %2$s" ]] || fail "not the image's classpath and the probe"
				shift 3
				case "$workload" in
				%3$s  *) echo "Error from server (NotFound): deployments.apps \\"$workload\\" not found" >&2; echo end >>"$log"; exit 1 ;;
				esac
				%4$s "${flags[@]}" "${proxy[@]}" -cp %5$s %2$s "$@"
				status=$?
				echo end >>"$log"
				exit "$status"
				""".formatted(namespace, MeshProbe.class.getName(), cases, quote(java()), quote(probeClasspath())));
	}

	/** Prints {@code stderr} on stderr and exits with {@code exit}, as kubectl does when exec fails. */
	public static FakeKubectl failing(Path dir, int exit, String stderr) {
		return write(dir, "echo " + quote(stderr) + " >&2\necho end >>\"$log\"\nexit " + exit + "\n");
	}

	/** Never answers (until stopped). */
	public static FakeKubectl hanging(Path dir) {
		return write(dir, "exec sleep 300\n");
	}

	/** The arguments of every call, in order. */
	public List<String> calls() {
		return logLines().stream().filter(l -> l.startsWith("begin ")).map(l -> l.substring(6)).toList();
	}

	/** True when no call began before the one before it ended. */
	public boolean oneAtATime() {
		List<String> lines = logLines();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("begin ") != (i % 2 == 0)) {
				return false;
			}
		}
		return true;
	}

	private List<String> logLines() {
		try {
			return Files.exists(log) ? Files.readAllLines(log) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static FakeKubectl write(Path dir, String body) {
		Path script = dir.resolve("kubectl");
		Path log = dir.resolve("kubectl-calls.log");
		String text = "#!/usr/bin/env bash\n# A test double of kubectl written by FakeKubectl (graychain tests); not kubectl.\n"
				+ "set -uo pipefail\nlog=" + quote(log.toString()) + "\ncall=\"$*\"\necho \"begin $call\" >>\"$log\"\n"
				+ "fail() { echo \"fake kubectl: $1: $call\" >&2; echo end >>\"$log\"; exit 64; }\n" + body;
		try {
			Files.writeString(script, text);
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
			return new FakeKubectl(script, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Where the probe's class comes from: the support module's classes or jar, nothing else. */
	public static String probeClasspath() {
		try {
			return Path.of(MeshProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code s} as one bash word. */
	private static String quote(String s) {
		return "'" + s.replace("'", "'\\''") + "'";
	}

}
