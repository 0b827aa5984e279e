package io.graychain.meshlab.lab.proxy;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.LocalReply;
import io.graychain.meshlab.route.RetryOn;
import io.graychain.meshlab.route.RoutePolicy;
import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.DuplexConnectionPool;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import static io.graychain.meshlab.lab.http.Causes.causedBy;

/**
 * Sends a request on to the chosen pod and streams its reply back, like Envoy's router: the body
 * flows both ways chunk by chunk (never held whole), hop-by-hop headers are dropped, the Host the
 * client sent is kept, each destination has a bounded connection pool ({@link PoolLimits}), and
 * upstream failures become Envoy's local replies ({@code source/common/router/router.cc}):
 * 503 {@code upstream connect error or disconnect/reset before headers. reset reason: ...},
 * 504 {@code upstream request timeout}, 503 with {@code x-envoy-overflow: true} past the pool.
 */
public final class Forwarder implements AutoCloseable {

	/** Headers of one connection, never forwarded (RFC 9110 7.6.1), plus those the client sets itself. */
	static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authorization",
			"proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "expect");

	static final String RESET = "upstream connect error or disconnect/reset before headers. reset reason: ";

	/**
	 * The largest request body buffered to be replayed on a retry: Envoy's default connection buffer
	 * limit, 1 MiB (envoy/config/listener/v3/listener.proto per_connection_buffer_limit_bytes), which
	 * bounds the router's retry buffer.
	 */
	static final int RETRY_BUFFER_LIMIT = 1024 * 1024;

	private final HttpClient client;

	private final Duration timeout;

	private final PoolLimits defaults;

	private final Scheduler scheduler;

	private final ConcurrentMap<Integer, PoolLimits> limitsByPort = new ConcurrentHashMap<>();

	private final ConcurrentMap<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	/**
	 * @param timeout the whole exchange with the pod, headers and body (Envoy's route timeout)
	 * @param defaults the pool of every destination without limits of its own
	 */
	public Forwarder(LabThreads threads, Duration timeout, PoolLimits defaults) {
		this.timeout = timeout;
		this.defaults = defaults;
		this.scheduler = threads.scheduler();
		ClientConnector connector = new ClientConnector();
		connector.setExecutor(threads.pool());
		connector.setScheduler(threads.scheduler());
		connector.setSelectors(1);
		connector.setConnectTimeout(Duration.ofSeconds(1));
		HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
		transport.setConnectionPoolFactory(destination -> {
			PoolLimits limits = limits(destination.getOrigin().getAddress().getPort());
			DuplexConnectionPool pool = new DuplexConnectionPool(destination, limits.maxConnections());
			if (limits.maxRequestsPerConnection() > 0) {
				pool.setMaxUsage(limits.maxRequestsPerConnection());
			}
			return pool;
		});
		this.client = new HttpClient(transport);
		client.setExecutor(threads.pool());
		client.setScheduler(threads.scheduler());
		client.setFollowRedirects(false);
		client.setHttpCookieStore(new HttpCookieStore.Empty());
		client.setUserAgentField(null);
		client.setMaxConnectionsPerDestination(defaults.maxConnections());
		client.setMaxRequestsQueuedPerDestination(Integer.MAX_VALUE);
		try {
			client.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start the lab's HTTP client", ex);
		}
		// a proxy passes 100-continue, redirects, authentication and encodings on as they come
		client.getProtocolHandlers().clear();
		client.getContentDecoderFactories().clear();
	}

	/** Sets the connection pool towards {@code endpoint} (before its first request). */
	public void limit(Endpoint endpoint, PoolLimits limits) {
		limitsByPort.put(endpoint.port(), limits);
	}

	private PoolLimits limits(int port) {
		return limitsByPort.getOrDefault(port, defaults);
	}

	/**
	 * Streams {@code in} to {@code endpoint} with {@code headers} (Host included) and the pod's reply
	 * to {@code out}; completes {@code callback} when the reply is written. The forwarder's own
	 * timeout bounds the exchange.
	 */
	public void forward(Endpoint endpoint, String pathAndQuery, HttpFields headers, Request in, Response out, Callback callback) {
		forward(endpoint, pathAndQuery, headers, in, out, callback, null, RequestOutcome.of(in));
	}

	/**
	 * As {@link #forward(Endpoint, String, HttpFields, Request, Response, Callback)}, bounded by the
	 * route's {@code timeout} when it sets one (else the forwarder's own, the lab's ceiling), and
	 * noting on {@code outcome} the pod and the flags of a failure (UT, UF, UC, UO). One try, no retries.
	 */
	public void forward(Endpoint endpoint, String pathAndQuery, HttpFields headers, Request in, Response out, Callback callback,
			Duration routeTimeout, RequestOutcome outcome) {
		attempt(endpoint, in.getMethod(), pathAndQuery, headers, hasBody(in, headers) ? new Body(in, outcome) : null,
				routeTimeout == null ? timeout : routeTimeout, out, callback, outcome, null);
	}

	/**
	 * Sends the request where {@code routed} says, with its route's timeout and retries ({@link Tries}).
	 * A body is replayed on a retry only when it was buffered: one of known length up to
	 * {@link #RETRY_BUFFER_LIMIT} is read whole first; a longer one, or one of unknown length, streams
	 * with retries off, as Envoy's router gives up on retries past its buffer limit
	 * (router.cc Filter::decodeData, {@code retry_or_shadow_abandoned}).
	 */
	public void forward(Routed routed, String pathAndQuery, HttpFields headers, Request in, Response out, Callback callback,
			RequestOutcome outcome) {
		RoutePolicy.Retry retry = routed.policy().retries();
		if (!hasBody(in, headers)) {
			new Tries(this, routed, in.getMethod(), pathAndQuery, headers, null, retry, out, callback, outcome, scheduler, timeout)
				.start();
			return;
		}
		long length = in.getLength();
		if (retry == null || length < 0 || length > RETRY_BUFFER_LIMIT) {
			Body streamed = new Body(in, outcome);
			new Tries(this, routed, in.getMethod(), pathAndQuery, headers, () -> streamed, null, out, callback, outcome, scheduler,
					timeout).start();
			return;
		}
		String type = in.getHeaders().get(HttpHeader.CONTENT_TYPE);
		Content.Source.asByteBufferAsync(in, RETRY_BUFFER_LIMIT).whenComplete((buffer, failure) -> {
			if (failure != null) {
				callback.failed(failure);
				return;
			}
			outcome.received(buffer.remaining());
			new Tries(this, routed, in.getMethod(), pathAndQuery, headers,
					() -> new ByteBufferRequestContent(type, buffer.asReadOnlyBuffer()), retry, out, callback, outcome, scheduler,
					timeout).start();
		});
	}

	private static boolean hasBody(Request in, HttpFields headers) {
		return in.getLength() > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING);
	}

	/**
	 * One try to {@code endpoint}, bounded by {@code bound}; {@code tries} (or null for a single try)
	 * decides at the reply's headers or at a failure whether the request is tried again.
	 */
	void attempt(Endpoint endpoint, String method, String pathAndQuery, HttpFields headers,
			org.eclipse.jetty.client.Request.Content body, Duration bound, Response out, Callback callback,
			RequestOutcome outcome, Tries tries) {
		outcome.tried(endpoint);
		AtomicInteger count = inFlight.computeIfAbsent(endpoint.port(), p -> new AtomicInteger());
		if (count.incrementAndGet() > limits(endpoint.port()).admitted()) {
			count.decrementAndGet();
			overflow(out, callback, outcome);
			return;
		}
		org.eclipse.jetty.client.Request request = newRequest(endpoint.port(), pathAndQuery)
			.method(method)
			.timeout(bound.toMillis(), TimeUnit.MILLISECONDS)
			.headers(h -> copy(headers, h));
		if (body != null) {
			request.body(body);
		}
		request.send(new Relay(endpoint, out, callback, count, outcome, tries));
	}

	/** Why a try failed, as the router's reset reason: a timeout, an overflow, a connection failure, else a reset. */
	static RetryOn.Reset reset(Throwable failure) {
		if (causedBy(failure, TimeoutException.class)) {
			return RetryOn.Reset.PER_TRY_TIMEOUT;
		}
		if (causedBy(failure, RejectedExecutionException.class)) {
			return RetryOn.Reset.OVERFLOW;
		}
		if (causedBy(failure, ConnectException.class)) {
			return RetryOn.Reset.CONNECT_FAILURE;
		}
		return RetryOn.Reset.REMOTE_RESET;
	}

	/**
	 * Envoy's reply to a request its circuit breakers refuse: 503, {@code x-envoy-overflow: true},
	 * flag UO (envoy source/common/router/router.cc Filter::onUpstreamAbort with
	 * UpstreamOverflow, reached from onPoolFailure on PoolFailureReason::Overflow).
	 */
	static void overflow(Response out, Callback callback, RequestOutcome outcome) {
		outcome.flag(ResponseFlag.UPSTREAM_OVERFLOW);
		out.getHeaders().put("x-envoy-overflow", "true");
		LocalReply.send(out, callback, 503, RESET + "overflow");
	}

	/**
	 * Sends a copy of a request to {@code endpoint} and forgets it: Envoy's shadow, its Host suffixed
	 * {@code -shadow} before the port (envoy source/common/router/shadow_writer_impl.cc
	 * shadowAppendedHost), the reply discarded, never waited for (ShadowWriterImpl::shadow: the
	 * async client's callbacks ignore the reply). The copy carries no body: the lab mirrors the headers of the
	 * request only.
	 */
	public void mirror(Endpoint endpoint, String method, String pathAndQuery, HttpFields headers) {
		mirror(endpoint, method, pathAndQuery, headers, done -> {
			// fire and forget: the reply and any failure are dropped
		});
	}

	/**
	 * As {@link #mirror(Endpoint, String, String, HttpFields)}, and once the copy's reply is read (and dropped)
	 * or the copy failed, tells {@code done} how it ended: its status (0 when no reply came), the flag of
	 * its failure, its duration and the reply's bytes. The user's reply never waits for it.
	 */
	public void mirror(Endpoint endpoint, String method, String pathAndQuery, HttpFields headers, Consumer<ShadowResult> done) {
		HttpFields.Mutable shadow = HttpFields.build(headers);
		String host = headers.get(HttpHeader.HOST);
		shadow.put(HttpHeader.HOST, shadowHost(host == null ? "" : host));
		long started = System.nanoTime();
		AtomicLong bytes = new AtomicLong();
		newRequest(endpoint.port(), pathAndQuery).method(method).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.headers(h -> copy(shadow, h))
			.onResponseContent((response, content) -> bytes.addAndGet(content.remaining()))
			.send(result -> {
				double millis = (System.nanoTime() - started) / 1_000_000.0;
				Throwable failure = result.getFailure();
				int status = result.getResponse() == null ? 0 : result.getResponse().getStatus();
				done.accept(new ShadowResult(shadow.get(HttpHeader.HOST), status, failure == null ? null : flagOf(failure),
						millis, bytes.get()));
			});
	}

	/**
	 * How a mirrored copy ended.
	 *
	 * @param authority the copy's Host, suffixed {@code -shadow}
	 * @param status the pod's status, 0 when none came
	 * @param flag the response flag of its failure, or null
	 * @param durationMillis from sending to the end of the reply
	 * @param bytesSent the reply body's bytes (read and dropped)
	 */
	public record ShadowResult(String authority, int status, ResponseFlag flag, double durationMillis, long bytesSent) {

		/** True when the copy reached the pod: not stopped by the pool (UO) or a failed connection (UF). */
		public boolean reachedPod() {
			return flag != ResponseFlag.UPSTREAM_OVERFLOW && flag != ResponseFlag.UPSTREAM_CONNECTION_FAILURE;
		}

		/** The flag as %RESPONSE_FLAGS% prints it, {@code -} for none. */
		public String flags() {
			return flag == null ? "-" : flag.shortName();
		}

	}

	/** The response flag of an upstream failure: UT, UO, UF, else UC (as {@link Relay} sets them). */
	static ResponseFlag flagOf(Throwable failure) {
		if (causedBy(failure, TimeoutException.class)) {
			return ResponseFlag.UPSTREAM_REQUEST_TIMEOUT;
		}
		if (causedBy(failure, RejectedExecutionException.class)) {
			return ResponseFlag.UPSTREAM_OVERFLOW;
		}
		if (causedBy(failure, ConnectException.class)) {
			return ResponseFlag.UPSTREAM_CONNECTION_FAILURE;
		}
		return ResponseFlag.UPSTREAM_CONNECTION_TERMINATION;
	}

	/** {@code appb:8000} becomes {@code appb-shadow:8000}, as Envoy appends the suffix to the host before the port. */
	static String shadowHost(String host) {
		int colon = host.lastIndexOf(':');
		if (colon > 0 && host.indexOf(']') < colon) {
			return host.substring(0, colon) + "-shadow" + host.substring(colon);
		}
		return host + "-shadow";
	}

	/**
	 * A request for the target as it came: a path such as {@code //a/b} stays a path (read on its own
	 * it would be an authority and a path).
	 */
	private org.eclipse.jetty.client.Request newRequest(int port, String pathAndQuery) {
		try {
			return client.newRequest(new URI("http://127.0.0.1:" + port + pathAndQuery));
		}
		catch (URISyntaxException ex) {
			// characters java.net.URI refuses but HTTP servers take (e.g. |): sent as they came
			return client.newRequest("127.0.0.1", port).path(pathAndQuery);
		}
	}

	private static void copy(HttpFields from, HttpFields.Mutable to) {
		Set<String> named = connectionNamed(from);
		for (HttpField field : from) {
			String name = field.getLowerCaseName();
			if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
				to.add(field);
			}
		}
	}

	/** Headers that {@code Connection} names are of that connection too (RFC 9110 7.6.1). */
	static Set<String> connectionNamed(HttpFields fields) {
		Set<String> named = new java.util.HashSet<>();
		for (String value : fields.getValuesList(HttpHeader.CONNECTION)) {
			for (String name : value.split(",")) {
				named.add(name.trim().toLowerCase(Locale.ROOT));
			}
		}
		return named;
	}

	@Override
	public void close() {
		try {
			client.stop();
		}
		catch (Exception ex) {
			// stopping: nothing more to do
		}
	}

	/** The client's request body as the body sent on, read as the pod's connection takes it. */
	private record Body(Request in, RequestOutcome outcome) implements org.eclipse.jetty.client.Request.Content {

		@Override
		public long getLength() {
			return in.getLength();
		}

		@Override
		public Content.Chunk read() {
			Content.Chunk chunk = in.read();
			if (chunk != null) {
				outcome.received(chunk.remaining());
			}
			return chunk;
		}

		@Override
		public void demand(Runnable demand) {
			in.demand(demand);
		}

		@Override
		public void fail(Throwable failure) {
			in.fail(failure);
		}

		@Override
		public String getContentType() {
			return in.getHeaders().get(HttpHeader.CONTENT_TYPE);
		}

	}

	/** The pod's reply, written to the client as it comes: a chunk is asked for once the last one is written. */
	private static final class Relay implements org.eclipse.jetty.client.Response.Listener {

		private final Endpoint endpoint;

		private final Response out;

		private final Callback callback;

		private final AtomicInteger count;

		private final RequestOutcome outcome;

		private final CompletableFuture<Void> lastWrite = new CompletableFuture<>();

		private final Tries tries;

		/** Set once this try's reply headers are copied to the client's response: no retry after that, as in Envoy. */
		private volatile boolean replyStarted;

		Relay(Endpoint endpoint, Response out, Callback callback, AtomicInteger count, RequestOutcome outcome, Tries tries) {
			this.endpoint = endpoint;
			this.tries = tries;
			this.outcome = outcome;
			this.out = out;
			this.callback = callback;
			this.count = count;
		}

		@Override
		public void onHeaders(org.eclipse.jetty.client.Response response) {
			if (tries != null && tries.retryReply(response.getStatus(), response.getHeaders())) {
				// the router drops a reply it retries: nothing of it reaches the client
				response.abort(new Tries.Retrying());
				return;
			}
			replyStarted = true;
			out.setStatus(response.getStatus());
			Set<String> named = connectionNamed(response.getHeaders());
			for (HttpField field : response.getHeaders()) {
				String name = field.getLowerCaseName();
				if ((!HOP_BY_HOP.contains(name) || "content-length".equals(name)) && !named.contains(name)) {
					out.getHeaders().add(field);
				}
			}
		}

		@Override
		public void onContent(org.eclipse.jetty.client.Response response, Content.Chunk chunk, Runnable demand) {
			chunk.retain();
			outcome.sent(chunk.remaining());
			out.write(false, chunk.getByteBuffer(), Callback.from(() -> {
				chunk.release();
				demand.run();
			}, failure -> {
				chunk.release();
				response.abort(failure);
			}));
		}

		@Override
		public void onContent(org.eclipse.jetty.client.Response response, ByteBuffer content) {
			throw new UnsupportedOperationException("chunks are relayed with demand");
		}

		@Override
		public void onSuccess(org.eclipse.jetty.client.Response response) {
			out.write(true, BufferUtil.EMPTY_BUFFER, Callback.from(() -> lastWrite.complete(null), lastWrite::completeExceptionally));
		}

		@Override
		public void onComplete(Result result) {
			count.decrementAndGet();
			if (result.isSucceeded()) {
				lastWrite.whenComplete((done, failure) -> {
					if (failure == null) {
						callback.succeeded();
					}
					else {
						callback.failed(failure);
					}
				});
				return;
			}
			Throwable failure = result.getFailure();
			if (out.isCommitted()) {
				// headers went out already: the client sees the reset, as with Envoy
				callback.failed(failure);
				return;
			}
			RetryOn.Reset reason = reset(failure);
			// Envoy never retries once it has started the downstream reply (router.cc: retries only before
			// the upstream headers are passed on); the lab's headers are only copied, so they are reset below
			if (tries != null && !replyStarted && tries.retryFailure(failure, reason)) {
				return;
			}
			out.reset();
			if (reason == RetryOn.Reset.PER_TRY_TIMEOUT) {
				outcome.flag(ResponseFlag.UPSTREAM_REQUEST_TIMEOUT);
				LocalReply.send(out, callback, 504, "upstream request timeout");
			}
			else if (reason == RetryOn.Reset.OVERFLOW) {
				overflow(out, callback, outcome);
			}
			else if (reason == RetryOn.Reset.CONNECT_FAILURE) {
				outcome.flag(ResponseFlag.UPSTREAM_CONNECTION_FAILURE);
				LocalReply.send(out, callback, 503, RESET + "connection failure (" + endpoint.pod() + ")");
			}
			else {
				outcome.flag(ResponseFlag.UPSTREAM_CONNECTION_TERMINATION);
				LocalReply.send(out, callback, 503, RESET + "connection termination");
			}
		}

	}

}
