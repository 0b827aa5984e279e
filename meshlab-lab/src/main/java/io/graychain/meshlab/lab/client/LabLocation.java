package io.graychain.meshlab.lab.client;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the repository and a running lab's state folder are, as every lab command takes them (a picocli mixin). */
public final class LabLocation {

	@Option(names = "--repo", paramLabel = "DIR", defaultValue = "${env:GRAYCHAIN_REPO:-.}",
			description = "the repository root, holding k8s/ and istio/ [GRAYCHAIN_REPO, default: .; the scripts set it]")
	Path repo;

	@Option(names = "--lab-state", paramLabel = "DIR", defaultValue = "${env:GRAYCHAIN_LAB_STATE:-}",
			description = "the lab's state folder: pids, ports, logs [GRAYCHAIN_LAB_STATE, default: <repo>/.lab]")
	String labState;

	public Path repo() {
		return repo.toAbsolutePath().normalize();
	}

	public Path labState() {
		return labState.isBlank() ? repo().resolve(".lab") : Path.of(labState).toAbsolutePath().normalize();
	}

	/** The running lab this names. */
	public LabClient client() {
		return new LabClient(labState());
	}

}
