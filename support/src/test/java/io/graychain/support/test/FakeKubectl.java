package io.graychain.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.graychain.support.probe.MeshProbe;

/**
 * A test double of kubectl, stated as such: a bash script in a test's folder that stands in for
 * kubectl where graychain's scripts and the lab run it against a cluster, which tests do not have.
 * Every call is logged: {@code begin <args>} before it is answered, {@code end} after; a file given
 * with {@code -f} is kept (the script that wrote it may delete it before the test looks).
 * <ul>
 * <li>{@link #answering}: answers each call from canned {@link Reply replies}, the first that fits;
 * a call no reply fits exits 64 and says so on stderr.
 * <li>{@link #probeRunner}: for the one command graychain runs in a cluster's pods,
 * {@code exec -n <namespace> deploy/<workload> -c app -- java <flags> -cp @/app/jib-classpath-file
 * io.graychain.support.probe.MeshProbe <args>} (anything else exits 64 and says why, unless a reply
 * given with it fits first), it runs that probe here, with those flags, on the probe's own classes
 * instead of the image's classpath, and through the HTTP proxy given for the workload (a lab sidecar,
 * or any stand-in for a pod's sidecar). A workload without one is answered as kubectl answers for a
 * missing Deployment (exit 1, NotFound).
 * </ul>
 *
 * @param executable the script, to run as kubectl
 * @param log the call log
 */
public record FakeKubectl(Path executable, Path log) {

	/**
	 * Answers each call with the first of {@code replies} that fits it; any other call exits 64.
	 */
	public static FakeKubectl answering(Path dir, Reply... replies) {
		return write(dir, Reply.bash(replies) + "fail \"no canned reply for this call\"\n");
	}

	/**
	 * Runs the probe for the workloads in {@code proxies}, through the proxy on that loopback port;
	 * answers other calls with the first of {@code replies} that fits.
	 */
	public static FakeKubectl probeRunner(Path dir, String namespace, Map<String, Integer> proxies, Reply... replies) {
		String cases = proxies.entrySet().stream().map(e -> "  " + quote(e.getKey()) + ") proxy=(-Dhttp.proxyHost=127.0.0.1"
				+ " -Dhttp.proxyPort=" + e.getValue() + ") ;;\n").collect(Collectors.joining());
		return write(dir, Reply.bash(replies) + """
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
				%3$s  *) echo "Error from server (NotFound): deployments.apps \\"$workload\\" not found" >&2; finish 1 ;;
				esac
				%4$s "${flags[@]}" "${proxy[@]}" -cp %5$s %2$s "$@"
				finish "$?"
				""".formatted(namespace, MeshProbe.class.getName(), cases, quote(java()), quote(probeClasspath())));
	}

	/** Prints {@code stderr} on stderr and exits with {@code exit}, as kubectl does when exec fails. */
	public static FakeKubectl failing(Path dir, int exit, String stderr) {
		return write(dir, "echo " + quote(stderr) + " >&2\nfinish " + exit + "\n");
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

	/** The file the call at {@code index} of {@link #calls()} gave with {@code -f}, as it was then. */
	public Optional<String> fileGiven(int index) {
		Path copy = files(log).resolve((index + 1) + ".yaml");
		try {
			return Files.exists(copy) ? Optional.of(Files.readString(copy)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path files(Path log) {
		return log.resolveSibling("kubectl-files");
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
		String text = """
				#!/usr/bin/env bash
				# A test double of kubectl written by FakeKubectl (graychain tests); not kubectl.
				set -uo pipefail
				log=%s
				files=%s
				call="$*"
				echo "begin $call" >>"$log"
				finish() { echo end >>"$log"; exit "$1"; }
				fail() { echo "fake kubectl: $1: $call" >&2; finish 64; }
				previous=""
				for arg in "$@"; do
				  if [[ "$previous" == -f && -f "$arg" ]]; then
				    mkdir -p "$files" && cp "$arg" "$files/$(grep -c '^begin ' "$log").yaml"
				  fi
				  previous="$arg"
				done
				""".formatted(quote(log.toString()), quote(files(log).toString())) + body;
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

	/**
	 * A canned answer of {@link #answering}: to a call whose arguments, joined by spaces, are
	 * {@code args} (or start with it, {@link #toCallsStartingWith}), print {@code out} on stdout and
	 * {@code err} on stderr and exit {@code exit}; or, with {@link #runningReal}, run a real kubectl with
	 * the same arguments (for what needs no cluster: {@code kustomize}).
	 *
	 * @param args the call's arguments, or their start
	 * @param prefix true when {@code args} is the start of the calls it answers
	 * @param out what it prints on stdout, as it is (kubectl's {@code -o jsonpath} ends with no newline)
	 * @param err what it prints on stderr, a line; nothing when empty
	 * @param exit its exit status
	 * @param real the real kubectl to run instead, or null
	 */
	public record Reply(String args, boolean prefix, String out, String err, int exit, Path real) {

		/** Answers the call with exactly these arguments: exit 0, printing nothing (yet). */
		public static Reply to(String args) {
			return new Reply(args, false, "", "", 0, null);
		}

		/** Answers every call whose arguments start with {@code prefix}: exit 0, printing nothing (yet). */
		public static Reply toCallsStartingWith(String prefix) {
			return new Reply(prefix, true, "", "", 0, null);
		}

		public Reply printing(String text) {
			return new Reply(args, prefix, text, err, exit, real);
		}

		public Reply failing(int status, String stderr) {
			return new Reply(args, prefix, out, stderr, status, real);
		}

		public Reply runningReal(Path kubectl) {
			return new Reply(args, prefix, out, err, exit, kubectl);
		}

		static String bash(Reply... replies) {
			StringBuilder bash = new StringBuilder();
			for (Reply reply : replies) {
				bash.append("if [[ \"$call\" == ").append(quote(reply.args)).append(reply.prefix ? "* ]]; then\n" : " ]]; then\n");
				if (reply.real != null) {
					bash.append("  ").append(quote(reply.real.toString())).append(" \"$@\"\n  finish \"$?\"\n");
				}
				else {
					bash.append("  printf '%s' ").append(quote(reply.out)).append('\n');
					if (!reply.err.isEmpty()) {
						bash.append("  printf '%s\\n' ").append(quote(reply.err)).append(" >&2\n");
					}
					bash.append("  finish ").append(reply.exit).append('\n');
				}
				bash.append("fi\n");
			}
			return bash.toString();
		}

	}

	/** {@code s} as one bash word. */
	private static String quote(String s) {
		return "'" + s.replace("'", "'\\''") + "'";
	}

}
