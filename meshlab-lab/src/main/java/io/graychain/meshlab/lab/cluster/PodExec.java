package io.graychain.meshlab.lab.cluster;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.graychain.meshlab.kubectl.Kubectl;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.PodSender;
import io.graychain.meshlab.lab.client.SendFailure;

/**
 * Sends requests from inside a workload's pod on a cluster: {@code kubectl exec} runs the mesh probe
 * in the pod's app container ({@link ProbeCommand}), so that the pod's Istio sidecar routes every
 * request with the workload's labels, as it routes the app's own calls. One exec per batch of up to
 * {@code batchSize} requests, one batch after the other: one probe JVM at a time beside the app, so
 * that the pod stays within its memory limit. Each exec is bounded: the probe stops at its deadline
 * ({@link ProbeCommand#deadline(int)}, at most a minute), and kubectl is stopped {@code overhead} after
 * that, which leaves the probe time to end first. After each batch, {@code progress} is told how far
 * the requests got, so that a long run is not silent.
 */
public final class PodExec implements PodSender {

	public static final int BATCH_SIZE = 100;

	/** What kubectl and the probe's JVM get on top of the probe's deadline: starting, exec, ending. */
	public static final Duration OVERHEAD = Duration.ofSeconds(30);

	private final Kubectl kubectl;

	private final ProbeCommand command;

	private final int batchSize;

	private final Duration overhead;

	private final Consumer<String> progress;

	public PodExec(Kubectl kubectl, ProbeCommand command) {
		this(kubectl, command, BATCH_SIZE, OVERHEAD, line -> {
		});
	}

	public PodExec(Kubectl kubectl, ProbeCommand command, int batchSize, Duration overhead, Consumer<String> progress) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
		}
		this.kubectl = kubectl;
		this.command = command;
		this.batchSize = batchSize;
		this.overhead = overhead;
		this.progress = progress;
	}

	/** Sends from the pods of {@code namespace} with kubectl as the environment names it; one line per batch to {@code progress}. */
	public static PodExec find(Map<String, String> env, String namespace, Duration timeout, Consumer<String> progress) {
		Kubectl kubectl = Kubectl.find(env).orElseThrow(() -> new IllegalArgumentException("kubectl not found ($"
				+ Kubectl.ENV + ", or kubectl on the PATH): on a cluster, requests that enter inside the mesh are sent"
				+ " from their workload's pod with kubectl exec"));
		return new PodExec(kubectl, new ProbeCommand(namespace, timeout), BATCH_SIZE, OVERHEAD, progress);
	}

	/** Any workload: kubectl says when there is no such Deployment. */
	@Override
	public boolean canSend(String workload) {
		return true;
	}

	@Override
	public List<OneShotHttp.Reply> send(String workload, String host, String pathAndQuery, Map<String, String> headers,
			int count) {
		List<OneShotHttp.Reply> replies = new ArrayList<>(count);
		int batches = (count + batchSize - 1) / batchSize;
		long started = System.nanoTime();
		for (int batch = 1; batch <= batches; batch++) {
			List<OneShotHttp.Reply> sent = batch(workload, host, pathAndQuery, headers,
					Math.min(batchSize, count - replies.size()));
			replies.addAll(sent);
			long late = sent.stream().filter(ProbeLines::pastDeadline).count();
			progress.accept(String.format("%s -> %s%s: %d/%d sent from its pod, batch %d/%d, %d s%s", workload, host,
					pathAndQuery, replies.size(), count, batch, batches, Duration.ofNanos(System.nanoTime() - started).toSeconds(),
					late == 0 ? "" : ", " + late + " without a reply by the probe's deadline"));
		}
		return replies;
	}

	@Override
	public String describe() {
		return "from their pods in namespace " + command.namespace() + " (kubectl exec)";
	}

	private List<OneShotHttp.Reply> batch(String workload, String host, String pathAndQuery, Map<String, String> headers,
			int count) {
		String exec = command.describe(workload);
		Duration within = command.deadline(count).plus(overhead);
		Kubectl.Run run;
		try {
			run = kubectl.run(command.args(workload, host, pathAndQuery, headers, count), within);
		}
		catch (UncheckedIOException ex) {
			throw new SendFailure("could not send from " + workload + ": " + ex.getMessage());
		}
		String stderr = run.err().isEmpty() ? "" : ": " + run.err();
		if (run.timedOut()) {
			throw new SendFailure("could not send from " + workload + ": " + exec + " did not finish within "
					+ within.toSeconds() + " s, stopped" + stderr);
		}
		if (run.exit() != 0) {
			throw new SendFailure("could not send from " + workload + ": " + exec + " failed (exit " + run.exit() + ")"
					+ (stderr.isEmpty() ? ", no message" : stderr) + hint(run.err()));
		}
		try {
			return ProbeLines.parse(run.out(), count);
		}
		catch (IllegalArgumentException ex) {
			throw new SendFailure("could not send from " + workload + ": " + exec + ": " + ex.getMessage() + stderr);
		}
	}

	/** What to do about the failures a learner is likely to meet. */
	private String hint(String stderr) {
		if (stderr.contains("Could not find or load main class " + ProbeCommand.MAIN_CLASS)) {
			return " (the image has no mesh probe: build and deploy the images of this version, scripts/build-images)";
		}
		if (stderr.contains("unknown option --deadline")) {
			return " (the image's mesh probe is older than this graychain: build and deploy the images of this version,"
					+ " scripts/build-images)";
		}
		if (stderr.contains("Forbidden") || stderr.contains("forbidden")) {
			return " (verifying in-mesh requests needs the right to create pods/exec in namespace " + command.namespace() + ")";
		}
		return "";
	}

}
