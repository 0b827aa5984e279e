package io.graychain.meshlab.lab.control;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.graychain.meshlab.lab.client.LabClient;

/**
 * Starts, talks to and stops a lab from the outside, as {@code scripts/lab} does: the daemon as a
 * background process of its own, its state files, its admin endpoint on loopback.
 *
 * @param stateDir the lab's state folder
 * @param out where progress and replies go
 */
public record LabControl(Path stateDir, PrintStream out) {

	/** The daemon's verdict in its log: {@code [lab 12:00:00] ready: <url>} or {@code ... FAILED: <why>}. */
	static final Pattern VERDICT = Pattern.compile("^\\[lab [^]]*\\] (ready|FAILED):.*");

	/** The running daemon, if its pid file names a live process. */
	public Optional<ProcessHandle> daemon() {
		Path pid = stateDir.resolve("lab.pid");
		if (!Files.isRegularFile(pid)) {
			return Optional.empty();
		}
		try {
			return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).filter(ProcessHandle::isAlive);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The URL of the Gateway API gateway graychain-http, when the running lab has written it. */
	public java.util.Optional<String> gatewayApiUrl() {
		return Files.exists(stateDir.resolve("gateway-api.url")) ? java.util.Optional.of(read("gateway-api.url")) : java.util.Optional.empty();
	}

	public String ingressUrl() {
		return read("ingress.url");
	}

	/**
	 * The dashboard's URL with the lab's token in its fragment ({@code <url>#token=<token>}): a browser
	 * never sends a fragment to a server, so the token reaches only the page, which sends it with
	 * apply/reset. For the user who started the lab, printed once; never logged.
	 */
	public String dashboardLink() {
		return read("dashboard.url") + "#token=" + read("admin.token");
	}

	/**
	 * Starts {@code command} (the daemon) in the background, its output in {@code lab.log}, and waits
	 * until it logs its verdict, ends, or {@code within} has passed. Returns the verdict line.
	 *
	 * @throws IllegalStateException when it did not get ready, with the tail of its log
	 */
	public String start(List<String> command, Duration within) {
		Path log = stateDir.resolve("lab.log");
		Process daemon;
		try {
			Files.createDirectories(stateDir);
			Files.deleteIfExists(log);
			daemon = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the lab: " + ex.getMessage(), ex);
		}
		String verdict = awaitVerdict(daemon, log, within);
		if (verdict == null || verdict.contains("] FAILED:")) {
			String why = verdict != null ? "the lab did not start" : daemon.isAlive() ? "not ready after " + within.toSeconds() + " s"
					: "the lab stopped before it was ready";
			String tail = tail(log, 60);
			stop(Duration.ofSeconds(60));
			// a daemon that never wrote its pid file is still this process's own child
			daemon.descendants().forEach(ProcessHandle::destroy);
			daemon.destroy();
			throw new IllegalStateException(why + ":\n" + tail);
		}
		return verdict;
	}

	/** Follows the log from its start until a verdict, the end of the process, or the deadline. */
	static String awaitVerdict(Process daemon, Path log, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		try (BufferedReader lines = Files.newBufferedReader(waitFor(log, daemon, deadline), StandardCharsets.UTF_8)) {
			while (System.nanoTime() < deadline) {
				String line = lines.readLine();
				if (line == null) {
					if (!daemon.isAlive()) {
						return lastVerdict(lines);
					}
					// the verdict is the last thing `lab up` waits for: read it soon after it is written
					daemon.waitFor(25, TimeUnit.MILLISECONDS);
				}
				else if (VERDICT.matcher(line).matches()) {
					return line;
				}
			}
			return null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static String lastVerdict(BufferedReader lines) throws IOException {
		String line;
		while ((line = lines.readLine()) != null) {
			if (VERDICT.matcher(line).matches()) {
				return line;
			}
		}
		return null;
	}

	private static Path waitFor(Path log, Process daemon, long deadline) throws InterruptedException, IOException {
		while (!Files.exists(log) && daemon.isAlive() && System.nanoTime() < deadline) {
			daemon.waitFor(50, TimeUnit.MILLISECONDS);
		}
		if (!Files.exists(log)) {
			throw new IOException("no log");
		}
		return log;
	}

	/**
	 * Stops the lab (its admin endpoint's {@code /shutdown}, else a signal; killed when it does not end
	 * within {@code within}) and any pod process a lab killed hard left behind. True when a lab ran.
	 */
	public boolean stop(Duration within) {
		Optional<ProcessHandle> daemon = daemon();
		if (daemon.isPresent()) {
			ProcessHandle process = daemon.get();
			if (!askedToShutDown()) {
				process.destroy();
			}
			try {
				process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				out.println("lab: the lab did not stop within " + within.toSeconds() + " s; killing it");
				process.destroyForcibly();
				DaemonArchive.discard(stateDir);
			}
			catch (ExecutionException ex) {
				process.destroyForcibly();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		sweep();
		return daemon.isPresent();
	}

	/** {@code POST /shutdown} with the lab's token; false when the lab cannot be asked or said no. */
	private boolean askedToShutDown() {
		try {
			return Files.isRegularFile(stateDir.resolve("admin.port")) && new LabClient(stateDir).post("/shutdown", "").status() / 100 == 2;
		}
		catch (IllegalStateException noTokenOrPort) {
			return false;
		}
	}

	/** Stops pod processes a lab left behind (its daemon killed hard), by pid, each checked to be this lab's. */
	public void sweep() {
		Path pids = stateDir.resolve("pods.pids");
		String marker = "-Dgraychain.lab=" + stateDir.toAbsolutePath().normalize() + " ";
		if (Files.isRegularFile(pids)) {
			for (String line : readLines(pids)) {
				String[] pidAndPod = line.strip().split("\\s+", 2);
				if (pidAndPod.length < 2 || !pidAndPod[0].matches("\\d+")) {
					continue;
				}
				ProcessHandle.of(Long.parseLong(pidAndPod[0]))
					.filter(p -> p.info().commandLine().map(c -> (c + " ").contains(marker)).orElse(false))
					.ifPresent(p -> {
						out.println("lab: stopping leftover pod " + pidAndPod[1] + " (pid " + p.pid() + ")");
						p.destroy();
					});
			}
		}
		for (String file : List.of("lab.pid", "admin.port", "admin.token", "ingress.url", "gateway-api.url", "dashboard.url",
				"pods.pids")) {
			try {
				Files.deleteIfExists(stateDir.resolve(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** The running lab's admin endpoint: every call sends the lab's token from its state folder. */
	public LabClient client() {
		if (daemon().isEmpty() || !Files.isRegularFile(stateDir.resolve("admin.port"))) {
			throw new IllegalStateException("no lab runs (start one with scripts/lab up)");
		}
		return new LabClient(stateDir);
	}

	private String read(String file) {
		try {
			return Files.readString(stateDir.resolve(file)).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no lab runs (no " + stateDir.resolve(file) + "): start one with scripts/lab up");
		}
	}

	static String tail(Path log, int lines) {
		List<String> all = readLines(log);
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	private static List<String> readLines(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			return new ArrayList<>();
		}
	}

}
