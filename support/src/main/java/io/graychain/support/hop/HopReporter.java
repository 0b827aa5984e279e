package io.graychain.support.hop;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import io.graychain.support.identity.Identity;
import io.graychain.support.misbehave.Misbehaviour;
import io.graychain.support.propagation.ReceivedHeaders;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Builds this hop's report for the request being served: identity, the misbehaviour it was
 * configured with, trace id, the allow-listed headers received, the payload, and the downstream reply nested inside.
 */
public class HopReporter {

	private final Identity identity;

	private final ReceivedHeaders receivedHeaders;

	private final ObjectProvider<Tracer> tracer;

	private final String misbehaving;

	public HopReporter(Identity identity, ReceivedHeaders receivedHeaders, ObjectProvider<Tracer> tracer,
			Misbehaviour misbehaviour) {
		this.identity = identity;
		this.receivedHeaders = receivedHeaders;
		this.tracer = tracer;
		this.misbehaving = misbehaviour.describe();
	}

	/** A report of this hop alone (the end of a chain). */
	public HopReport report(Object data) {
		return report(data, null);
	}

	/** A report of this hop with the reply of the hop it called nested inside. */
	public HopReport report(Object data, HopReport downstream) {
		return new HopReport(identity.service(), identity.version(), identity.pod(), identity.namespace(),
				identity.region(), identity.zone(), misbehaving, traceId(), receivedHeaders.received(), data, downstream);
	}

	/** The id of the trace this request runs in, or null when tracing is off. */
	public String traceId() {
		Tracer current = tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		return (span != null) ? span.context().traceId() : null;
	}

	public Identity identity() {
		return identity;
	}

}
