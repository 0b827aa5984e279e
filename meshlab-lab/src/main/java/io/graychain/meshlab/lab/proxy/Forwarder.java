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

import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.LocalReply;
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

	private final HttpClient client;

	private final Duration timeout;

	private final PoolLimits defaults;

	private final ConcurrentMap<Integer, PoolLimits> limitsByPort = new ConcurrentHashMap<>();

	private final ConcurrentMap<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	/**
	 * @param timeout the whole exchange with the pod, headers and body (Envoy's route timeout)
	 * @param defaults the pool of every destination without limits of its own
	 */
	public Forwarder(LabThreads threads, Duration timeout, PoolLimits defaults) {
		this.timeout = timeout;
		this.defaults = defaults;
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
	 * noting on {@code outcome} the pod and the flags of a failure (UT, UF, UC, UO).
	 */
	public void forward(Endpoint endpoint, String pathAndQuery, HttpFields headers, Request in, Response out, Callback callback,
			Duration routeTimeout, RequestOutcome outcome) {
		outcome.upstreamHost(endpoint.pod() + " 127.0.0.1:" + endpoint.port());
		AtomicInteger count = inFlight.computeIfAbsent(endpoint.port(), p -> new AtomicInteger());
		if (count.incrementAndGet() > limits(endpoint.port()).admitted()) {
			count.decrementAndGet();
			outcome.flag(ResponseFlag.UPSTREAM_OVERFLOW);
			out.getHeaders().put("x-envoy-overflow", "true");
			LocalReply.send(out, callback, 503, RESET + "overflow");
			return;
		}
		Duration bound = routeTimeout == null ? timeout : routeTimeout;
		org.eclipse.jetty.client.Request request = newRequest(endpoint.port(), pathAndQuery)
			.method(in.getMethod())
			.timeout(bound.toMillis(), TimeUnit.MILLISECONDS)
			.headers(h -> copy(headers, h));
		if (in.getLength() > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING)) {
			request.body(new Body(in));
		}
		request.send(new Relay(endpoint, out, callback, count, outcome));
	}

	/**
	 * Sends a copy of a request to {@code endpoint} and forgets it: Envoy's shadow, its Host suffixed
	 * {@code -shadow} before the port (envoy source/common/router/shadow_writer_impl.cc
	 * shadowAppendedHost), the reply discarded, never waited for (ShadowWriterImpl::shadow: the
	 * async client's callbacks ignore the reply). The copy carries no body: the lab mirrors the headers of the
	 * request only.
	 */
	public void mirror(Endpoint endpoint, String method, String pathAndQuery, HttpFields headers) {
		HttpFields.Mutable shadow = HttpFields.build(headers);
		String host = headers.get(HttpHeader.HOST);
		shadow.put(HttpHeader.HOST, shadowHost(host == null ? "" : host));
		newRequest(endpoint.port(), pathAndQuery).method(method).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.headers(h -> copy(shadow, h)).send(result -> {
				// fire and forget: the reply and any failure are dropped
			});
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
	private record Body(Request in) implements org.eclipse.jetty.client.Request.Content {

		@Override
		public long getLength() {
			return in.getLength();
		}

		@Override
		public Content.Chunk read() {
			return in.read();
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

		Relay(Endpoint endpoint, Response out, Callback callback, AtomicInteger count, RequestOutcome outcome) {
			this.endpoint = endpoint;
			this.outcome = outcome;
			this.out = out;
			this.callback = callback;
			this.count = count;
		}

		@Override
		public void onBegin(org.eclipse.jetty.client.Response response) {
			out.setStatus(response.getStatus());
		}

		@Override
		public void onHeaders(org.eclipse.jetty.client.Response response) {
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
			out.reset();
			if (causedBy(failure, TimeoutException.class)) {
				outcome.flag(ResponseFlag.UPSTREAM_REQUEST_TIMEOUT);
				LocalReply.send(out, callback, 504, "upstream request timeout");
			}
			else if (causedBy(failure, RejectedExecutionException.class)) {
				outcome.flag(ResponseFlag.UPSTREAM_OVERFLOW);
				out.getHeaders().put("x-envoy-overflow", "true");
				LocalReply.send(out, callback, 503, RESET + "overflow");
			}
			else if (causedBy(failure, ConnectException.class)) {
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
