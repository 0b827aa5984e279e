package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive per runnable jar, made once and reused by every pod that runs the jar,
 * until the jar changes (its size or time stamp), the JDK or the JVM flags do. Spring Boot's nested
 * jars cannot be archived, so the jar is first extracted as its image runs it
 * ({@code java -Djarmode=tools -jar app.jar extract}: the application jar with its libraries on the
 * class path), then trained once ({@code -Dspring.context.exit=onRefresh}: the context starts and the
 * JVM exits, writing the archive). On JDK 25 or newer the archive is the AOT cache
 * ({@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}; JEP 483/514); before, AppCDS's dynamic
 * archive ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}; JEP 350). The JVM
 * itself also refuses an archive that does not match its class path, and then runs without it.
 *
 * <p>Layout: {@code <dir>/<module>/app/} (the extracted jar), {@code <dir>/<module>/app.jsa} or
 * {@code app.aot}, and {@code <dir>/<module>/stamp}, written last, which says what it was made from;
 * {@code <dir>} is {@code class-archives/} beside the jar in the lab ({@link #BESIDE_THE_JAR}), so every
 * lab run on one build shares the archives (a test's fresh lab too) and {@code mvn clean} removes them.
 * One process at a time makes or checks a module's archive ({@code <dir>/<module>.lock}); a training
 * run that takes longer than {@link #TRAINING_LIMIT} is stopped and the jar runs as it is. Two labs
 * with different JVM flags on one build make each other's archives again, and a pod the other lab
 * starts meanwhile (a restart, {@code set-env}) starts without its archive or, while the jar is
 * being extracted again, fails and is restarted by the lab: give such labs their own jars
 * ({@code --jars-dir}), as {@code scripts/bench-lab --startup} does.
 */
public final class ClassArchive {

	/** What a pod runs: the jar, and the JVM flags that use its archive (none when there is none). */
	public record Launch(Path jar, List<String> jvmFlags) {

		public Launch {
			jvmFlags = List.copyOf(jvmFlags);
		}

	}

	/** Runs a command (the JDK's {@code java} first) to its end, its output to {@code log}; its exit status. */
	@FunctionalInterface
	public interface Runner {

		int run(List<String> command, Path log) throws IOException, InterruptedException;

	}

	/** Where the archives are kept: {@code class-archives/} in the jar's folder. */
	public static final UnaryOperator<Path> BESIDE_THE_JAR = jar -> jar.toAbsolutePath().getParent().resolve("class-archives");

	/** One thread of this JVM at a time holds a module's lock file (a FileLock is held per JVM, not per thread). */
	private static final Map<Path, Object> MAKERS = new ConcurrentHashMap<>();

	private final UnaryOperator<Path> dirOfJar;

	private final String java;

	private final int feature;

	private final List<String> jvmFlags;

	private final Runner runner;

	private final Consumer<String> log;

	/**
	 * @param dirOfJar where the archives of a jar are kept, e.g. {@link #BESIDE_THE_JAR}
	 * @param java the {@code java} launcher of the pods
	 * @param feature the pods' JDK feature release (17, 21, 25…): which kind of archive
	 * @param jvmFlags the pods' JVM flags: the training run uses them too
	 * @param runner how commands are run ({@link #processes()} in the lab)
	 * @param log hears what is made, reused or given up
	 */
	public ClassArchive(UnaryOperator<Path> dirOfJar, String java, int feature, List<String> jvmFlags, Runner runner,
			Consumer<String> log) {
		this.dirOfJar = dirOfJar;
		this.java = java;
		this.feature = feature;
		this.jvmFlags = List.copyOf(jvmFlags);
		this.runner = runner;
		this.log = log;
	}

	/** An archive per jar, kept beside the jar, for pods run by this JVM's {@code java}. */
	public static ClassArchive forThisJdk(List<String> jvmFlags, Consumer<String> log) {
		return new ClassArchive(BESIDE_THE_JAR, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				Runtime.version().feature(), jvmFlags, processes(), log);
	}

	/** How long an extraction or a training run may take: about a start of the service, many times over. */
	static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);

	/** Runs commands as processes, each stopped (and failed) after {@link #TRAINING_LIMIT}. */
	public static Runner processes() {
		return processes(TRAINING_LIMIT);
	}

	/** Runs commands as processes, each stopped (and failed: -1) after {@code limit}. */
	static Runner processes(Duration limit) {
		return (command, log) -> {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				return -1;
			}
			return process.exitValue();
		};
	}

	/** True when the archive is the JDK 25 AOT cache rather than AppCDS's dynamic archive. */
	boolean aotCache() {
		return feature >= 25;
	}

	/**
	 * The launch of {@code module}'s {@code jar}: its archive, made now when there is none or the one
	 * there was made from something else; the jar as it is when no archive can be made.
	 */
	public Launch prepare(String module, Path jar) {
		Path dir = dirOfJar.apply(jar);
		Path lockFile = dir.resolve(module + ".lock").toAbsolutePath().normalize();
		synchronized (MAKERS.computeIfAbsent(lockFile, f -> new Object())) {
			try {
				Files.createDirectories(dir);
				try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
						FileLock lock = channel.lock()) {
					return prepare(module, jar, dir.resolve(module));
				}
			}
			catch (IOException ex) {
				return givenUp(module, jar, ex.getMessage());
			}
		}
	}

	private Launch prepare(String module, Path jar, Path home) {
		Path extracted = home.resolve("app").resolve(jar.getFileName().toString());
		Path archive = home.resolve(aotCache() ? "app.aot" : "app.jsa");
		Launch launch = new Launch(extracted, List.of(aotCache() ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive));
		try {
			String stamp = stamp(jar);
			Path stampFile = home.resolve("stamp");
			if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp) && Files.isRegularFile(archive)
					&& Files.isRegularFile(extracted)) {
				log.accept(module + ": class archive reused");
				return launch;
			}
			delete(home);
			Files.createDirectories(home);
			if (runner.run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
					home.resolve("app").toString()), home.resolve("extract.log")) != 0 || !Files.isRegularFile(extracted)) {
				return givenUp(module, jar, "cannot extract the jar (see " + home.resolve("extract.log") + ")");
			}
			List<String> training = new ArrayList<>();
			training.add(java);
			training.addAll(jvmFlags);
			training.add(aotCache() ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
			training.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", extracted.toString(), "--server.port=0",
					"--server.address=127.0.0.1"));
			if (runner.run(training, home.resolve("training.log")) != 0 || !Files.isRegularFile(archive)) {
				return givenUp(module, jar, "the training run made no archive (see " + home.resolve("training.log") + ")");
			}
			Path tmp = home.resolve("stamp.tmp");
			Files.writeString(tmp, stamp);
			Files.move(tmp, stampFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			log.accept(module + ": class archive made");
			return launch;
		}
		catch (IOException ex) {
			return givenUp(module, jar, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return givenUp(module, jar, "interrupted");
		}
	}

	private Launch givenUp(String module, Path jar, String why) {
		log.accept(module + ": no class archive, the jar runs as it is: " + why);
		return new Launch(jar, List.of());
	}

	/** What an archive is made from: the jar (path, size, time stamp), the JDK and the JVM flags. */
	private String stamp(Path jar) throws IOException {
		return String.join("\n", "jar=" + jar.toAbsolutePath().normalize(), "size=" + Files.size(jar),
				"modified=" + Files.getLastModifiedTime(jar).toMillis(), "java=" + java + " " + Runtime.version(),
				"flags=" + String.join(" ", jvmFlags)) + "\n";
	}

	private static void delete(Path home) throws IOException {
		if (!Files.exists(home)) {
			return;
		}
		try (Stream<Path> files = Files.walk(home)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
