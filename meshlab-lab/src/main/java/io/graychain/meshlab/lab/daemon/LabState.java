package io.graychain.meshlab.lab.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The files a running lab keeps in its state folder, for {@code scripts/lab} and for cleaning up
 * after a lab that died: {@code lab.pid}, {@code admin.port}, {@code admin.token} (the secret that
 * state-changing admin calls carry, readable by its owner only), {@code ingress.url}, {@code gateway-api.url}, {@code pods.pids}
 * (one {@code <pid> <pod>} line per pod process), and for {@code scripts/explain --lab} the rules in
 * force: {@code overlay.path} (the overlay's folder) and {@code rules-in-force.yaml} (a copy of the
 * YAML applied over it; empty for the baseline).
 */
public record LabState(Path dir) {

	/** The file of the admin secret. */
	public static final String TOKEN = "admin.token";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The file that holds the lab's overlay folder, one line. */
	public static final String OVERLAY = "overlay.path";

	/** The file that holds the YAML applied over the overlay's own rules. */
	public static final String RULES = "rules-in-force.yaml";

	/** Records the rules in force: the overlay, and the YAML applied over its own rules. */
	public void writeRules(Path overlay, String appliedYaml) {
		write(OVERLAY, overlay.toAbsolutePath().normalize() + "\n");
		write(RULES, appliedYaml);
	}

	/** Written first, so that the script can ask the admin endpoint how the start goes. */
	public void writeStarted(long pid, int adminPort) {
		write("lab.pid", pid + "\n");
		write("admin.port", adminPort + "\n");
	}

	/** A new secret for this lab's admin calls, in {@code admin.token} (mode 0600 from its creation on). */
	public String writeToken() {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = HexFormat.of().formatHex(random);
		try {
			Files.createDirectories(dir);
			Path tmp = dir.resolve("admin.token.tmp");
			Files.deleteIfExists(tmp);
			if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(tmp);
			}
			Files.writeString(tmp, token + "\n");
			Files.move(tmp, dir.resolve(TOKEN), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return token;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void writeIngress(String ingressUrl) {
		write("ingress.url", ingressUrl + "\n");
	}

	/** The Gateway API gateway's URL ({@code gateway-api.url}), printed by {@code scripts/lab up}. */
	public void writeGatewayApi(String url) {
		write("gateway-api.url", url + "\n");
	}

	/** Where the dashboard and {@code /stats/prometheus} are ({@code dashboard.url}). */
	public void writeDashboard(String dashboardUrl) {
		write("dashboard.url", dashboardUrl + "\n");
	}

	public void writePods(List<String> pidAndPod) {
		write("pods.pids", String.join("\n", pidAndPod) + "\n");
	}

	/** Removes the files of a running lab (logs stay for a look after the fact). */
	public void clear() {
		for (String file : List.of("lab.pid", "admin.port", TOKEN, "ingress.url", "gateway-api.url", "pods.pids", OVERLAY, RULES)) {
			try {
				Files.deleteIfExists(dir.resolve(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private void write(String file, String content) {
		try {
			Files.createDirectories(dir);
			Path tmp = dir.resolve(file + ".tmp");
			Files.writeString(tmp, content);
			Files.move(tmp, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
