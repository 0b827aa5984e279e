package io.graychain.meshlab.lab.proxy;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.eclipse.jetty.server.Request;

/**
 * What happened to one request at a proxy, filled in as it goes: the response flags its faults,
 * timeouts and failures set, and the pod it went to. The proxy keeps it as the request's attribute
 * {@link #ATTRIBUTE}, for whatever records the exchange once the reply is written.
 */
public final class RequestOutcome {

	/** The Jetty request attribute that holds the request's outcome. */
	public static final String ATTRIBUTE = RequestOutcome.class.getName();

	private final Set<ResponseFlag> flags = EnumSet.noneOf(ResponseFlag.class);

	private volatile String upstreamHost = "";

	private volatile Endpoint upstream;

	private final AtomicLong bytesReceived = new AtomicLong();

	private final AtomicLong bytesSent = new AtomicLong();

	/** The outcome of {@code request}, created on first use. */
	public static RequestOutcome of(Request request) {
		synchronized (request) {
			Object existing = request.getAttribute(ATTRIBUTE);
			if (existing instanceof RequestOutcome outcome) {
				return outcome;
			}
			RequestOutcome outcome = new RequestOutcome();
			request.setAttribute(ATTRIBUTE, outcome);
			return outcome;
		}
	}

	public synchronized void flag(ResponseFlag flag) {
		flags.add(flag);
	}

	public synchronized Set<ResponseFlag> flags() {
		return flags.isEmpty() ? EnumSet.noneOf(ResponseFlag.class) : EnumSet.copyOf(flags);
	}

	/** The flags as Envoy's {@code %RESPONSE_FLAGS%} prints them: comma separated in Envoy's order, {@code -} for none. */
	public synchronized String flagsText() {
		return flags.isEmpty() ? "-" : flags.stream().map(ResponseFlag::shortName).collect(Collectors.joining(","));
	}

	/** The pod the request went to, {@code pod 127.0.0.1:port}, or empty when the proxy answered. */
	public String upstreamHost() {
		return upstreamHost;
	}

	/** The pod of the request's last try (after a retry, not the one first picked), or null when none was tried. */
	public Endpoint upstream() {
		return upstream;
	}

	/** Notes that a try goes to {@code endpoint}: the last one noted is the pod that answered. */
	void tried(Endpoint endpoint) {
		this.upstream = endpoint;
		this.upstreamHost = endpoint.pod() + " 127.0.0.1:" + endpoint.port();
	}

	/**
	 * True when the request reached the pod: sent on, and neither aborted by the fault filter (FI) nor
	 * stopped by the pool (UO) or a failed connection (UF). Only then does the callee's sidecar see it.
	 */
	public synchronized boolean reachedPod() {
		return !upstreamHost.isEmpty() && !flags.contains(ResponseFlag.FAULT_INJECTED)
				&& !flags.contains(ResponseFlag.UPSTREAM_OVERFLOW) && !flags.contains(ResponseFlag.UPSTREAM_CONNECTION_FAILURE);
	}

	/** The request body's bytes sent on to the pod so far (%BYTES_RECEIVED%). */
	public long bytesReceived() {
		return bytesReceived.get();
	}

	/** The pod's reply body's bytes relayed so far (%BYTES_SENT%); 0 for a reply the proxy gave itself. */
	public long bytesSent() {
		return bytesSent.get();
	}

	void received(long bytes) {
		bytesReceived.addAndGet(bytes);
	}

	void sent(long bytes) {
		bytesSent.addAndGet(bytes);
	}

}
