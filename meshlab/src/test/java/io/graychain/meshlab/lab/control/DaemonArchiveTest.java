package io.graychain.meshlab.lab.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's class archive: written by the first daemon at its exit under a name of its own,
 * adopted once it is gone, mapped by the next daemons, made again after a build. The JVM's part
 * (writing and mapping) is the JDK's; here a file stands for what the daemon would write.
 */
class DaemonArchiveTest {

	@TempDir
	Path dir;

	String classPath() throws IOException {
		Path target = Files.createDirectories(dir.resolve("meshlab/target"));
		Path lib = Files.createDirectories(target.resolve("lib"));
		return Files.writeString(target.resolve("meshlab-0.1.0.jar"), "jar") + File.pathSeparator
				+ Files.writeString(lib.resolve("picocli-4.7.7.jar"), "jar");
	}

	@Test
	void theFirstDaemonWritesTheArchiveAtItsExitAndTheNextOneMapsIt() throws IOException {
		Path state = dir.resolve(".lab");
		DaemonArchive archive = DaemonArchive.of(classPath(), state).orElseThrow();
		assertThat(archive.archive().getParent()).isEqualTo(dir.resolve("meshlab/target/class-archives"));

		String write = archive.jvmFlags().get(0);
		assertThat(write).startsWith("-XX:ArchiveClassesAtExit=" + archive.archive() + ".");
		Path pending = Path.of(write.substring(write.indexOf('=') + 1));
		assertThat(state.resolve("daemon-archive.pending")).hasContent(pending.toString());

		Files.writeString(pending, "what the JVM dumped at its exit");
		archive.adopt();
		assertThat(archive.archive()).hasContent("what the JVM dumped at its exit");
		assertThat(pending).doesNotExist();
		assertThat(state.resolve("daemon-archive.pending")).doesNotExist();
		assertThat(archive.jvmFlags()).startsWith("-XX:SharedArchiveFile=" + archive.archive()).containsAll(DaemonArchive.QUIET);
	}

	@Test
	void aNewerJarOfTheClassPathMakesItAgain() throws IOException {
		DaemonArchive archive = DaemonArchive.of(classPath(), dir.resolve(".lab")).orElseThrow();
		Files.createDirectories(archive.archive().getParent());
		Files.writeString(archive.archive(), "an archive");
		Files.setLastModifiedTime(archive.archive(), FileTime.from(Instant.now().minusSeconds(60)));
		assertThat(archive.jvmFlags().get(0)).startsWith("-XX:ArchiveClassesAtExit=");
	}

	@Test
	void aDaemonKilledBeforeItWroteOneChangesNothing() throws IOException {
		DaemonArchive archive = DaemonArchive.of(classPath(), dir.resolve(".lab")).orElseThrow();
		archive.jvmFlags();
		archive.adopt();
		assertThat(archive.archive()).doesNotExist();
		assertThat(dir.resolve(".lab/daemon-archive.pending")).doesNotExist();
	}

	@Test
	void notFromTheRunnableJarOrAFolderOfClasses() throws IOException {
		Path jar = Files.writeString(dir.resolve("meshlab-0.1.0-exec.jar"), "jar");
		assertThat(DaemonArchive.of(jar.toString(), dir)).isEmpty();
		Path classes = Files.createDirectories(dir.resolve("classes"));
		assertThat(DaemonArchive.of(classes + File.pathSeparator + jar, dir)).isEmpty();
	}

	@Test
	void aDaemonKilledWhileItMayHaveBeenWritingLeavesNothingToAdopt() throws IOException {
		Path state = dir.resolve(".lab");
		DaemonArchive archive = DaemonArchive.of(classPath(), state).orElseThrow();
		String write = archive.jvmFlags().get(0);
		Path pending = Path.of(write.substring(write.indexOf('=') + 1));
		Files.writeString(pending, "half an archive");

		DaemonArchive.discard(state);
		archive.adopt();
		assertThat(archive.archive()).doesNotExist();
		assertThat(pending).doesNotExist();
	}

	@Test
	void aJarAddedToTheClassPathFolderMakesItAgain() throws IOException {
		String classPath = classPath();
		DaemonArchive archive = DaemonArchive.of(classPath, dir.resolve(".lab")).orElseThrow();
		Files.createDirectories(archive.archive().getParent());
		Files.writeString(archive.archive(), "an archive");
		Instant made = Instant.now().minusSeconds(30);
		Files.setLastModifiedTime(archive.archive(), FileTime.from(made));
		for (String jar : classPath.split(File.pathSeparator)) {
			Files.setLastModifiedTime(Path.of(jar), FileTime.from(made.minusSeconds(60)));
			Files.setLastModifiedTime(Path.of(jar).getParent(), FileTime.from(made.minusSeconds(60)));
		}
		assertThat(archive.current()).isTrue();

		Files.writeString(dir.resolve("meshlab/target/lib/jetty-server-12.1.15.jar"), "jar");
		assertThat(archive.current()).isFalse();
	}

}
