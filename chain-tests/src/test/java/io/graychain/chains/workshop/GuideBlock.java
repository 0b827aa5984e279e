package io.graychain.chains.workshop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One command block of a workshop module that a test executes or checks: a fenced block with the info
 * string {@code bash run} (against the lab), {@code bash cluster} (kubectl on a cluster) or
 * {@code bash cluster setup} (making the cluster), and the checks in the HTML comments right after
 * its closing fence (docs/workshop/README.md).
 *
 * @param file the module file
 * @param line the line of the opening fence (1-based)
 * @param kind where it runs
 * @param code the commands, as written
 * @param expect patterns that must each be found in the output
 * @param expectNot patterns that must not be found in the output
 * @param exit the exit status it must end with
 * @param timeout how long it may take
 */
record GuideBlock(Path file, int line, Kind kind, String code, List<String> expect, List<String> expectNot, int exit,
		Duration timeout) {

	/** What a block runs against. */
	enum Kind {

		/** {@code bash run}: the local lab. */
		RUN,

		/**
		 * {@code bash cluster}: kubectl on a Kubernetes cluster with Istio; in the test, a kubectl test
		 * double whose mesh is the lab.
		 */
		CLUSTER,

		/**
		 * {@code bash cluster setup}: making the cluster itself (kind, istioctl, images, deploy), which no
		 * double stands in for; checked, not run.
		 */
		CLUSTER_SETUP

	}

	/** A time limit for blocks that give none. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

	/** Where it is, for messages: {@code en/01-weighted-release.md:42}. */
	String where() {
		return file.getParent().getFileName() + "/" + file.getFileName() + ":" + line;
	}

	/** What must be the same in every language: the kind, the commands and the checks. */
	record Shape(Kind kind, String code, List<String> expect, List<String> expectNot, int exit, Duration timeout) {
	}

	Shape shape() {
		return new Shape(kind, code, expect, expectNot, exit, timeout);
	}

	static Pattern compile(String regex) {
		return Pattern.compile(regex, Pattern.MULTILINE);
	}

}
