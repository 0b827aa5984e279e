package io.graychain.meshlab.lab.pods;

import java.time.Duration;
import java.time.Instant;

/**
 * When the kubelet restarts a container that exited ({@code restartPolicy: Always}), as
 * kubernetes/kubernetes does it: the first exit is restarted at once; each later exit waits the
 * back-off, which starts at 10 s and doubles up to 300 s ({@code pkg/kubelet/kubelet.go},
 * {@code backOffPeriod} and {@code MaxContainerBackOff}; {@code pkg/kubelet/kuberuntime/kuberuntime_manager.go},
 * {@code doBackOff}); a container that ran longer than twice the cap (10 minutes) since its last
 * restart starts over ({@code staging/src/k8s.io/client-go/util/flowcontrol/backoff.go},
 * {@code hasExpired}, {@code Next}; the Pod lifecycle page: "After containers in a Pod run for 10
 * minutes without any problems, the kubelet resets the restart backoff timer").
 */
public final class RestartBackoff {

	public static final Duration KUBELET_INITIAL = Duration.ofSeconds(10);

	/** The cap is 30 times the initial back-off, as 300 s is to 10 s. */
	static final int CAP_FACTOR = 30;

	private final Duration initial;

	private final Duration max;

	private Duration backoff;

	private Instant lastUpdate;

	/** {@code initial} 10 s is the kubelet's; tests shrink it, and the cap and the reset with it. */
	public RestartBackoff(Duration initial) {
		this.initial = initial;
		this.max = initial.multipliedBy(CAP_FACTOR);
	}

	/** How long after {@code finishedAt} the container is started again (kubelet's {@code IsInBackOffSince}). */
	public synchronized Duration delay(Instant finishedAt) {
		return backoff == null || expired(finishedAt) ? Duration.ZERO : backoff;
	}

	/** Records the restart of a container that finished at {@code finishedAt} (client-go's {@code Backoff.Next}). */
	public synchronized void restarted(Instant finishedAt, Instant now) {
		backoff = backoff == null || expired(finishedAt) ? initial
				: backoff.multipliedBy(2).compareTo(max) > 0 ? max : backoff.multipliedBy(2);
		lastUpdate = now;
	}

	private boolean expired(Instant eventTime) {
		return Duration.between(lastUpdate, eventTime).compareTo(max.multipliedBy(2)) > 0;
	}

}
