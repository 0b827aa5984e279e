package io.graychain.meshlab.canary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.graychain.meshlab.kubectl.Kubectl;

/**
 * Sets the weights on a cluster: {@code kubectl apply} of the VirtualService {@link VirtualServiceSplit}
 * writes for each weight. The DestinationRule's subsets are there before the first apply (the command
 * checks it), so every route points at pods that exist: make before break.
 */
final class KubectlTrafficSplit implements TrafficSplit {

	private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

	private final Kubectl kubectl;

	private final String namespace;

	private final VirtualServiceSplit split;

	private final String stable;

	private final String canary;

	KubectlTrafficSplit(Kubectl kubectl, String namespace, VirtualServiceSplit split, String stable, String canary) {
		this.kubectl = kubectl;
		this.namespace = namespace;
		this.split = split;
		this.stable = stable;
		this.canary = canary;
	}

	@Override
	public void apply(int canaryPercent) {
		apply(split.yaml(stable, canary, canaryPercent));
	}

	/** Applies the VirtualService that was in force before the run. */
	void restore() {
		apply(split.current());
	}

	private void apply(String yaml) {
		Path file = null;
		try {
			file = Files.createTempFile("graychain-canary", ".yaml");
			Files.writeString(file, yaml);
			Kubectl.Run run = kubectl.run(List.of("apply", "-n", namespace, "-f", file.toString()), APPLY_TIMEOUT);
			if (run.exit() != 0) {
				throw new CanaryException("kubectl apply of VirtualService " + split.name() + " failed"
						+ (run.timedOut() ? " (no answer within " + APPLY_TIMEOUT.toSeconds() + " s)" : ": " + run.err()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write a temporary file for kubectl: " + ex.getMessage(), ex);
		}
		finally {
			if (file != null) {
				file.toFile().delete();
			}
		}
	}

}
