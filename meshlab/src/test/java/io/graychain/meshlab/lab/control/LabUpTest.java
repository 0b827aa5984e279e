package io.graychain.meshlab.lab.control;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import io.graychain.meshlab.cli.Meshlab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lab up} reads only which services an overlay runs before it starts the daemon, which reads
 * the typed models; but an overlay it would have to build jars for is read whole first, so that a
 * mistake is refused at once, by name, and not after minutes of Maven and a failed daemon.
 */
class LabUpTest {

	@TempDir
	Path repo;

	@Test
	void aMistakeInAnOverlayWhoseJarsAreMissingIsRefusedBeforeAnyBuild() throws IOException {
		Path overlay = Files.createDirectories(repo.resolve("k8s/typo"));
		Files.writeString(overlay.resolve("kustomization.yaml"), "resources: [deployment.yaml]\n");
		Files.writeString(overlay.resolve("deployment.yaml"), """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: appx-v1}
				spec:
				  selector: {matchLabels: {app: appx}}
				  template:
				    metadata: {labels: {app: appx}}
				    spec:
				      containers: [{name: app, image: appx, imagePullPolicy: Never, portz: []}]
				""");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine line = Meshlab.commandLine();
		line.setOut(new PrintWriter(out, true));
		line.setErr(new PrintWriter(err, true));

		int exit = line.execute("lab", "--repo", repo.toString(), "--lab-state", repo.resolve(".lab").toString(), "up", "k8s/typo");

		assertThat(exit).isNotZero();
		assertThat(err.toString()).contains("portz").doesNotContain("building").doesNotContain("mvnw");
		assertThat(repo.resolve(".lab/lab.log")).doesNotExist();
	}

}
