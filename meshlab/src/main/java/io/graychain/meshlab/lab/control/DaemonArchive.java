package io.graychain.meshlab.lab.control;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.graychain.meshlab.lab.pods.ClassArchive;

/**
 * A class-data-sharing archive of the lab's daemon (issue 15), when it runs from plain jars (as
 * {@code scripts/lib/meshlab.sh} runs meshlab: a class archive cannot hold classes read from the
 * runnable jar's nested jars). The first daemon after a build writes it as it exits
 * ({@code -XX:ArchiveClassesAtExit} to a name of its own, recorded in the lab's state folder), the
 * lab's next {@code down} or {@code up} adopts it once that daemon is gone, and every later daemon
 * maps it ({@code -XX:SharedArchiveFile}). One per JDK, in {@code class-archives/} beside meshlab's
 * jar; made again when a jar of the class path, or a folder holding one, is newer than it. The JVM
 * itself refuses an archive that does not match its class path or build, and then runs without it;
 * the daemon runs with the JVM's archive messages off (it is only a speed-up). A daemon killed
 * because it would not stop leaves no archive to adopt ({@link #discard}).
 *
 * @param archive the archive the daemons map
 * @param classPath the daemon's class path, every entry a jar
 * @param record the file in the lab's state folder naming the archive a running daemon will write
 */
record DaemonArchive(Path archive, List<Path> classPath, Path record) {

	/** The archive for a daemon run on {@code classPath} by this JDK, when every entry is a jar; else none. */
	static Optional<DaemonArchive> of(String classPath, Path stateDir) {
		List<Path> jars = Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isBlank()).map(Path::of).toList();
		if (jars.size() < 2 || !jars.stream().allMatch(j -> j.getFileName().toString().endsWith(".jar") && Files.isRegularFile(j))) {
			return Optional.empty();
		}
		String jdk = Integer.toHexString(Objects.hash(System.getProperty("java.home"), Runtime.version().toString()));
		Path archive = ClassArchive.BESIDE_THE_JAR.apply(jars.get(0)).resolve("meshlab-daemon-" + jdk + ".jsa");
		return Optional.of(new DaemonArchive(archive, jars, stateDir.resolve(RECORD)));
	}

	/** In the lab's state folder: the archive its running daemon will write at its exit. */
	static final String RECORD = "daemon-archive.pending";

	/** The JVM says nothing of the archive (what it cannot archive, an archive it cannot use): it is only a speed-up. */
	static final List<String> QUIET = List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=off:stderr");

	/** The daemon's flags: map the archive when it is current, else write a new one at exit (named in {@link #record}). */
	List<String> jvmFlags() {
		if (current()) {
			return concat("-XX:SharedArchiveFile=" + archive);
		}
		Path pending = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".pending");
		try {
			Files.createDirectories(archive.getParent());
			Files.createDirectories(record.getParent());
			Files.writeString(record, pending.toString());
		}
		catch (IOException ex) {
			return List.of();
		}
		return concat("-XX:ArchiveClassesAtExit=" + pending);
	}

	private static List<String> concat(String archiveFlag) {
		return Stream.concat(Stream.of(archiveFlag), QUIET.stream()).toList();
	}

	/** True when the archive exists and no jar of the class path, nor a folder holding one, is newer. */
	boolean current() {
		try {
			if (!Files.isRegularFile(archive)) {
				return false;
			}
			FileTime made = Files.getLastModifiedTime(archive);
			for (Path jar : classPath) {
				// the folder too: a jar added to it or taken away changes the class path
				if (Files.getLastModifiedTime(jar).compareTo(made) > 0
						|| Files.getLastModifiedTime(jar.toAbsolutePath().getParent()).compareTo(made) > 0) {
					return false;
				}
			}
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The lab in {@code stateDir} had its daemon killed: what it may have begun to write is not an
	 * archive, and none is adopted.
	 */
	static void discard(Path stateDir) {
		Path record = stateDir.resolve(RECORD);
		try {
			if (Files.isRegularFile(record)) {
				Path pending = Path.of(Files.readString(record).strip());
				if (pending.getFileName().toString().endsWith(".pending")) {
					Files.deleteIfExists(pending);
				}
				Files.delete(record);
			}
		}
		catch (IOException | RuntimeException ex) {
			// nothing lost: an unadopted file is never used
		}
	}

	/**
	 * Once this lab's daemon is gone: the archive it wrote at its exit becomes the archive (a daemon
	 * killed before it could write one wrote none, and nothing changes). Best effort: an archive that
	 * cannot be kept is made again by a later daemon.
	 */
	void adopt() {
		if (!Files.isRegularFile(record)) {
			return;
		}
		try {
			Path pending = Path.of(Files.readString(record).strip());
			if (pending.getFileName().toString().startsWith(archive.getFileName() + ".") && Files.isRegularFile(pending)) {
				Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			Files.delete(record);
		}
		catch (IOException | RuntimeException ex) {
			// nothing lost but time: the next daemon writes one again
		}
	}

}
