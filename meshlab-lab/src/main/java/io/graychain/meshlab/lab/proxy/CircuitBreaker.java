package io.graychain.meshlab.lab.proxy;

import java.util.ArrayDeque;
import java.util.Deque;

import io.graychain.meshlab.route.TrafficPolicy.ConnectionPool;

/**
 * The circuit breakers of one Envoy cluster in one proxy, for HTTP/1.1 upstreams: a request gets a
 * connection while fewer than {@code maxConnections} carry one (and fewer than {@code maxRequests}
 * are in flight, else it overflows); past the connections it waits while fewer than
 * {@code maxPendingRequests} wait, and overflows otherwise (envoy
 * source/common/conn_pool/conn_pool_base.cc ConnPoolImplBase::newStreamImpl, tryCreateNewConnection,
 * attachStreamToClient). An overflow is answered by the router with 503 and flag UO (envoy
 * source/common/router/router.cc Filter::onPoolFailure, PoolFailureReason::Overflow;
 * {@link Forwarder#overflow}). The limits follow the DestinationRule in force; requests in flight
 * keep counting.
 */
public final class CircuitBreaker {

	private volatile ConnectionPool limits;

	private int active;

	private final Deque<Runnable> pending = new ArrayDeque<>();

	public CircuitBreaker(ConnectionPool limits) {
		this.limits = limits;
	}

	/** Puts new limits in force (a `lab apply` changed the DestinationRule). */
	public void limits(ConnectionPool limits) {
		this.limits = limits;
		drain();
	}

	public ConnectionPool limits() {
		return limits;
	}

	/**
	 * Starts {@code request} now, or once a connection frees; false when the cluster overflows (the
	 * request is not started). Each started request must be {@link #release() released} once.
	 */
	public boolean admit(Runnable request) {
		ConnectionPool l = limits;
		synchronized (this) {
			if (active < l.maxConnections()) {
				if (active >= l.maxRequests()) {
					return false;
				}
				active++;
			}
			else if (pending.size() < l.maxPendingRequests()) {
				pending.add(request);
				return true;
			}
			else {
				return false;
			}
		}
		request.run();
		return true;
	}

	/** One request is done with its connection: a waiting one takes it. */
	public void release() {
		synchronized (this) {
			active--;
		}
		drain();
	}

	/** Requests on a connection now, and waiting for one. */
	public synchronized int[] counts() {
		return new int[] { active, pending.size() };
	}

	private void drain() {
		while (true) {
			Runnable next;
			synchronized (this) {
				ConnectionPool l = limits;
				if (pending.isEmpty() || active >= l.maxConnections() || active >= l.maxRequests()) {
					return;
				}
				next = pending.poll();
				active++;
			}
			next.run();
		}
	}

}
