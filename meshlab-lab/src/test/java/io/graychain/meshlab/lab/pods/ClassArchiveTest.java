package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class archive of a jar: made once (extract, then a training run), reused while the jar, the
 * JDK and the flags are the same, made again when the jar changes, and given up (the jar runs as it
 * is) when it cannot be made. The commands are recorded instead of run; a fake training run writes
 * the archive the JVM would.
 */
class ClassArchiveTest {

	@TempDir
	Path dir;

	final List<List<String>> commands = Collections.synchronizedList(new ArrayList<>());

	boolean trainingWorks = true;

	/** Does what the JDK would: extract writes the jar under --destination, training writes the archive. */
	final ClassArchive.Runner fake = (command, log) -> {
		commands.add(command);
		int destination = command.indexOf("--destination");
		if (destination >= 0) {
			Path out = Path.of(command.get(destination + 1));
			Files.createDirectories(out);
			Files.writeString(out.resolve(Path.of(command.get(command.indexOf("-jar") + 1)).getFileName()), "extracted");
			return 0;
		}
		String archive = command.stream().filter(c -> c.startsWith("-XX:ArchiveClassesAtExit=") || c.startsWith("-XX:AOTCacheOutput="))
			.findFirst().orElseThrow();
		if (trainingWorks) {
			Files.writeString(Path.of(archive.substring(archive.indexOf('=') + 1)), "archive");
		}
		return trainingWorks ? 0 : 1;
	};

	ClassArchive archive(int feature, List<String> flags) {
		return new ClassArchive(jar -> dir.resolve("archives"), "java", feature, flags, fake, line -> {
		});
	}

	Path jar() throws IOException {
		return Files.writeString(dir.resolve("appa-0.1.0-exec.jar"), "a jar");
	}

	@Test
	void onJdk17TheDynamicArchiveIsTrainedOnceFromTheExtractedJarAndThenReused() throws IOException {
		Path jar = jar();
		ClassArchive.Launch first = archive(17, List.of("-XX:+UseSerialGC")).prepare("appa", jar);

		Path home = dir.resolve("archives/appa");
		assertThat(first.jar()).isEqualTo(home.resolve("app/appa-0.1.0-exec.jar"));
		assertThat(first.jvmFlags()).containsExactly("-XX:SharedArchiveFile=" + home.resolve("app.jsa"));
		assertThat(commands).hasSize(2);
		assertThat(commands.get(0)).containsSubsequence("-Djarmode=tools", "-jar", jar.toString(), "extract");
		assertThat(commands.get(1)).containsSubsequence("java", "-XX:+UseSerialGC", "-XX:ArchiveClassesAtExit=" + home.resolve("app.jsa"),
				"-Dspring.context.exit=onRefresh", "-jar", first.jar().toString());

		ClassArchive.Launch again = archive(17, List.of("-XX:+UseSerialGC")).prepare("appa", jar);
		assertThat(again).isEqualTo(first);
		assertThat(commands).as("reused: nothing run").hasSize(2);
	}

	@Test
	void aChangedJarOrChangedFlagsMakeTheArchiveAgain() throws IOException {
		Path jar = jar();
		archive(17, List.of()).prepare("appa", jar);
		Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
		archive(17, List.of()).prepare("appa", jar);
		assertThat(commands).as("the jar was rebuilt").hasSize(4);
		archive(17, List.of("-Xss256k")).prepare("appa", jar);
		assertThat(commands).as("other JVM flags").hasSize(6);
	}

	@Test
	void onJdk25TheAotCacheIsUsed() throws IOException {
		ClassArchive.Launch launch = archive(25, List.of()).prepare("appa", jar());
		Path cache = dir.resolve("archives/appa/app.aot");
		assertThat(launch.jvmFlags()).containsExactly("-XX:AOTCache=" + cache);
		assertThat(commands.get(1)).contains("-XX:AOTCacheOutput=" + cache);
	}

	@Test
	void aFailedTrainingRunLeavesTheJarAsItIsAndIsTriedAgainNextTime() throws IOException {
		Path jar = jar();
		trainingWorks = false;
		ClassArchive.Launch launch = archive(17, List.of()).prepare("appa", jar);
		assertThat(launch.jar()).isEqualTo(jar);
		assertThat(launch.jvmFlags()).isEmpty();
		assertThat(dir.resolve("archives/appa/stamp")).doesNotExist();

		trainingWorks = true;
		assertThat(archive(17, List.of()).prepare("appa", jar).jvmFlags()).hasSize(1);
		assertThat(commands).hasSize(4);
	}

	@Test
	void twoLabsOnOneBuildMakeTheArchiveOnceAndBothUseIt() throws Exception {
		Path jar = jar();
		// two labs (two ClassArchive objects, as two daemons would have) start at once on the same jar
		CompletableFuture<ClassArchive.Launch> first = CompletableFuture.supplyAsync(() -> archive(17, List.of()).prepare("appa", jar));
		CompletableFuture<ClassArchive.Launch> second = CompletableFuture.supplyAsync(() -> archive(17, List.of()).prepare("appa", jar));
		assertThat(first.get().jvmFlags()).hasSize(1);
		assertThat(second.get()).isEqualTo(first.get());
		assertThat(commands).as("one extract and one training run").hasSize(2);
	}

	@Test
	void theLabKeepsTheArchivesBesideTheJarSoEveryLabOnThatBuildSharesThem() {
		assertThat(ClassArchive.BESIDE_THE_JAR.apply(Path.of("/repo/appa/target/appa-0.1.0-exec.jar")))
			.isEqualTo(Path.of("/repo/appa/target/class-archives"));
	}

	@Test
	void aTrainingRunThatHangsIsStoppedAndCountsAsFailed() throws Exception {
		long started = System.nanoTime();
		int status = ClassArchive.processes(java.time.Duration.ofMillis(300)).run(List.of("sleep", "30"), dir.resolve("training.log"));
		assertThat(status).isEqualTo(-1);
		assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(10));
	}

}
