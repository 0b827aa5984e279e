package io.graychain.meshlab.lab.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.io.Content;

/**
 * An upload's body with a Content-Length, handed to the connection 64 KiB at a time, counting what
 * was handed over: a reply that comes before the end (a 405 from a service that reads only part of a
 * body) stops the reading, so the count says how much of the body really went out.
 */
final class CountedBody implements Request.Content {

	static final int CHUNK = 64 * 1024;

	private final byte[] body;

	private final AtomicLong handedOver;

	private int position;

	/**
	 * @param body the whole body (shared, never written)
	 * @param handedOver adds the bytes of every chunk read
	 */
	CountedBody(byte[] body, AtomicLong handedOver) {
		this.body = body;
		this.handedOver = handedOver;
	}

	@Override
	public String getContentType() {
		return "application/octet-stream";
	}

	@Override
	public long getLength() {
		return body.length;
	}

	@Override
	public synchronized Content.Chunk read() {
		if (position >= body.length) {
			return Content.Chunk.EOF;
		}
		int n = Math.min(CHUNK, body.length - position);
		Content.Chunk chunk = Content.Chunk.from(ByteBuffer.wrap(body, position, n).slice(), position + n == body.length);
		position += n;
		handedOver.addAndGet(n);
		return chunk;
	}

	@Override
	public void demand(Runnable demandCallback) {
		demandCallback.run();
	}

	@Override
	public void fail(Throwable failure) {
		// nothing to release: the body is a shared array
	}

}
