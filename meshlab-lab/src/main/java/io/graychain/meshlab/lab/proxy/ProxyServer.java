package io.graychain.meshlab.lab.proxy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.LocalReply;
import io.graychain.meshlab.lab.http.LoopbackServer;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.route.RoutePolicy;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A loopback HTTP proxy that routes with a {@link Router}: the ingress gateway (requests in origin
 * form, {@code GET /path} with a Host header) or one workload's sidecar (an HTTP forward proxy, the
 * absolute form {@code GET http://appb:8000/path} that a JDK client pointed at it sends).
 *
 * <p>The authority routed on is the Host header, or the authority of an absolute-form target, which
 * then replaces Host (RFC 9112 3.2.2), as Envoy's HTTP/1 codec does: in
 * {@code source/common/http/http1/codec_impl.cc}, {@code ServerConnectionImpl::handlePath} takes a
 * target that starts with {@code /} as the path whatever follows, so {@code //other.host/x} is a path
 * and never an authority; only an absolute URL sets {@code :authority}.
 */
public final class ProxyServer implements AutoCloseable {

	/** Where the lab's proxies say which rule refused a request (visible ASCII, bounded). */
	public static final String REASON_HEADER = "x-graychain-reason";

	private final LoopbackServer server;

	private ProxyServer(LoopbackServer server) {
		this.server = server;
	}

	/**
	 * Listens on {@code port} of the loopback interface (0: any free port).
	 *
	 * @param from {@link Router#GATEWAY} or the Deployment name of the workload this sidecar belongs to
	 */
	public static ProxyServer start(String from, int port, Router router, Forwarder forwarder, LabThreads threads,
			ServerLimits limits) {
		return start(from, port, router, forwarder, threads, limits, ExchangeListener.NONE);
	}

	/** As above; {@code listener} is told of each request once its reply is sent. */
	public static ProxyServer start(String from, int port, Router router, Forwarder forwarder, LabThreads threads,
			ServerLimits limits, ExchangeListener listener) {
		String what = Router.GATEWAY.equals(from) ? "the ingress gateway (--lab-port)"
				: Router.GATEWAY_API.equals(from) ? "the Gateway API gateway (--gateway-api-port)" : "the sidecar of " + from;
		return new ProxyServer(LoopbackServer.start(port, threads, limits,
				new Routing(from, router, forwarder, threads.scheduler(), listener), what));
	}

	public int port() {
		return server.port();
	}

	@Override
	public void close() {
		server.close();
	}

	/** The request as the route engine takes it: lower-case header names, the first value of each. */
	static HttpRequest request(String method, String host, String pathAndQuery, HttpFields headers) {
		HttpRequest parsed = HttpRequest.get(host, pathAndQuery);
		Map<String, String> first = new LinkedHashMap<>();
		for (HttpField field : headers) {
			first.putIfAbsent(field.getLowerCaseName(), field.getValue());
		}
		return new HttpRequest(host, parsed.path(), method, first, parsed.query());
	}

	/** The body of Envoy's own reply for a status its router answers with. */
	static String envoyBody(int status) {
		return switch (status) {
			// route not found: sendLocalReply(Http::Code::NotFound, "", ...) in router.cc, Filter::decodeHeaders
			case 404 -> "";
			// sendNoHealthyUpstreamResponse in router.cc
			case 503 -> "no healthy upstream";
			default -> LocalReply.reason(status);
		};
	}

	private static final class Routing extends Handler.Abstract {

		private final String from;

		private final Router router;

		private final Forwarder forwarder;

		private final Scheduler scheduler;

		private final ExchangeListener listener;

		Routing(String from, Router router, Forwarder forwarder, Scheduler scheduler, ExchangeListener listener) {
			this.from = from;
			this.router = router;
			this.forwarder = forwarder;
			this.scheduler = scheduler;
			this.listener = listener;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) {
			Recorded recorded = new Recorded(from, request, response, callback, listener);
			route(request, response, recorded);
			return true;
		}

		private void route(Request request, Response response, Recorded callback) {
			HttpURI uri = request.getHttpURI();
			String host = uri.getAuthority();
			if (host == null || host.isEmpty()) {
				LocalReply.sendStatus(response, callback, 400);
				return;
			}
			String pathAndQuery = uri.getPathQuery() == null || uri.getPathQuery().isEmpty() ? "/" : uri.getPathQuery();
			HttpFields.Mutable headers = HttpFields.build(request.getHeaders());
			headers.put(HttpHeader.HOST, host);
			if (!headers.contains("x-request-id")) {
				headers.put("x-request-id", UUID.randomUUID().toString());
			}
			Routed routed;
			try {
				routed = router.route(from, request(request.getMethod(), host, pathAndQuery, headers));
			}
			catch (IllegalArgumentException badEscape) {
				// a query the engine cannot decode (%zz): Envoy's codec answers such a target with 400
				LocalReply.sendStatus(response, callback, 400);
				return;
			}
			callback.routed(routed, headers, pathAndQuery);
			if (!routed.routed()) {
				if (routed.status() == 404) {
					RequestOutcome.of(request).flag(ResponseFlag.NO_ROUTE_FOUND);
				}
				else if (routed.status() == 503) {
					RequestOutcome.of(request).flag(ResponseFlag.NO_HEALTHY_UPSTREAM);
				}
				response.getHeaders().put(REASON_HEADER, LocalReply.printable(routed.reason(), 200));
				LocalReply.send(response, callback, routed.status(), envoyBody(routed.status()));
				return;
			}
			RequestOutcome outcome = RequestOutcome.of(request);
			RoutePolicy.Delay delay = routed.policy().delay();
			if (delay != null && draw(delay.percent())) {
				// the fault filter holds the request; the router, and its timeout, see it only afterwards
				outcome.flag(ResponseFlag.DELAY_INJECTED);
				scheduler.schedule(() -> afterFault(routed, pathAndQuery, headers, request, response, callback, outcome),
						delay.fixedDelay().toNanos(), TimeUnit.NANOSECONDS);
				return;
			}
			afterFault(routed, pathAndQuery, headers, request, response, callback, outcome);
		}

		/**
		 * After the fault filter's delay: its abort, else the router (mirrors first, then the request
		 * with the route's timeout). Envoy's fault filter runs before the router in the filter chain
		 * and checks the abort once the delay is over (envoy source/extensions/filters/http/fault/
		 * fault_filter.cc FaultFilter::decodeHeaders, postDelayInjection, abortWithStatus: the body
		 * {@code fault filter abort}, flag FI); the router starts the route timeout when it has the
		 * whole request (source/common/router/router.cc Filter::onRequestComplete), so a fault delay
		 * never counts against the route's timeout. An abort is the fault filter's own reply: the
		 * router never sees it, so this proxy never retries it (a proxy above may, by its own policy).
		 */
		private void afterFault(Routed routed, String pathAndQuery, HttpFields headers, Request request, Response response,
				Recorded callback, RequestOutcome outcome) {
			RoutePolicy.Abort abort = routed.policy().abort();
			if (abort != null && draw(abort.percent())) {
				outcome.flag(ResponseFlag.FAULT_INJECTED);
				LocalReply.send(response, callback, abort.httpStatus(), "fault filter abort");
				return;
			}
			for (Routed.Shadow shadow : routed.shadows()) {
				forwarder.mirror(shadow.endpoint(), request.getMethod(), pathAndQuery, headers,
						done -> listener.completed(callback.shadowed(shadow, done)));
			}
			UpstreamCluster cluster = routed.upstream();
			if (cluster == null) {
				forwarder.forward(routed, pathAndQuery, headers, request, response, callback, outcome);
				return;
			}
			Callback counted = new Callback.Nested(callback) {

				@Override
				public void succeeded() {
					done();
					super.succeeded();
				}

				@Override
				public void failed(Throwable failure) {
					done();
					super.failed(failure);
				}

				private void done() {
					cluster.breaker().release();
					// the request's final reply counts against the pod of its last try, if a try was made;
					// the lab's own pool overflowing never reached the host: not the host's error
					Endpoint tried = outcome.upstream();
					if (tried != null && !outcome.flags().contains(ResponseFlag.UPSTREAM_OVERFLOW)) {
						cluster.completed(tried, response.getStatus());
					}
				}

			};
			// admitted and counted once per request, for its last try's pod (Envoy: per try; see docs/route-engine.md)
			boolean admitted = cluster.breaker().admit(
					() -> forwarder.forward(routed, pathAndQuery, headers, request, response, counted, outcome));
			if (!admitted) {
				// never reached the host: the circuit breaker answers, outlier detection does not count it
				Forwarder.overflow(response, callback, outcome);
			}
		}

		/** True for a share {@code percent} of 100 of the calls. */
		private static boolean draw(double percent) {
			return percent >= 100 || ThreadLocalRandom.current().nextDouble() * 100 < percent;
		}

	}

	/**
	 * The request's callback that, once the reply is sent (or cut off), tells the listener what
	 * happened: one {@link ProxyExchange} per request.
	 */
	private static final class Recorded extends Callback.Nested {

		private final long started = System.nanoTime();

		private final Instant startTime = Instant.now();

		private final String from;

		private final Request request;

		private final Response response;

		private final ExchangeListener listener;

		private volatile Routed routed = Routed.refused(400, "bad request");

		private volatile String requestId = "";

		private volatile HttpFields headers = HttpFields.EMPTY;

		private volatile String path = "";

		Recorded(String from, Request request, Response response, Callback callback, ExchangeListener listener) {
			super(callback);
			this.from = from;
			this.request = request;
			this.response = response;
			this.listener = listener;
		}

		void routed(Routed decision, HttpFields sent, String pathAndQuery) {
			this.routed = decision;
			this.headers = sent;
			this.requestId = sent.get("x-request-id");
			this.path = pathAndQuery;
		}

		/**
		 * The report of a mirrored copy of this request: by this proxy, the copy's own status, flag and
		 * duration, and its {@code -shadow} authority.
		 */
		ProxyExchange shadowed(Routed.Shadow shadow, Forwarder.ShadowResult done) {
			Routed.Peers peers = shadow.peers();
			Endpoint pod = shadow.endpoint();
			return new ProxyExchange(from, peers.source(), peers.destination(), peers.service(), done.status(), done.flags(),
					protocol(request), done.durationMillis(), done.reachedPod() ? pod.pod() : "", true, requestId, started,
					details(done.authority(), 0, done.bytesSent(), pod, shadow.cluster()));
		}

		@Override
		public void succeeded() {
			report(response.getStatus());
			super.succeeded();
		}

		@Override
		public void failed(Throwable failure) {
			report(response.isCommitted() ? response.getStatus() : 0);
			super.failed(failure);
		}

		private void report(int status) {
			Routed decision = routed;
			double millis = (System.nanoTime() - started) / 1_000_000.0;
			RequestOutcome outcome = RequestOutcome.of(request);
			long sent = outcome.bytesSent() > 0 ? outcome.bytesSent() : Math.max(0, response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH));
			// the pod of the last try: after a retry, not the one first picked
			Endpoint pod = outcome.upstream() != null ? outcome.upstream() : decision.endpoint();
			listener.completed(new ProxyExchange(from, decision.peers().source(), decision.peers().destination(),
					decision.peers().service(), status, flags(), protocol(request), millis,
					decision.routed() && outcome.reachedPod() ? pod.pod() : "", false, requestId, started,
					details(headers.get(HttpHeader.HOST), outcome.bytesReceived(), sent,
							outcome.upstream() == null ? null : pod, decision.cluster())));
		}

		private ProxyExchange.Details details(String authority, long received, long sent, Endpoint pod, String cluster) {
			String host = authority != null ? authority : request.getHttpURI().getAuthority();
			return new ProxyExchange.Details(startTime, request.getMethod(), path.isEmpty() ? request.getHttpURI().getPathQuery() : path,
					host == null ? "" : host, orEmpty(headers.get(HttpHeader.USER_AGENT)), orEmpty(headers.get(HttpHeader.X_FORWARDED_FOR)),
					received, sent, pod == null ? "" : "127.0.0.1:" + pod.port(), cluster, pod == null ? 0 : pod.port());
		}

		private static String orEmpty(String value) {
			return value == null ? "" : value;
		}

		/**
		 * The request's %RESPONSE_FLAGS% as the proxy recorded them in its {@link RequestOutcome}: NR and
		 * UH for the router's own 404 and 503 (envoy source/common/router/router.cc Filter::decodeHeaders,
		 * sendNoHealthyUpstreamResponse), DI/FI from the fault filter, UT for a route timeout.
		 */
		private String flags() {
			return RequestOutcome.of(request).flagsText();
		}

		/** Istio's request_protocol: {@code grpc} for a gRPC request (its content type), else {@code http}. */
		private static String protocol(Request request) {
			String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
			return type != null && type.startsWith("application/grpc") ? "grpc" : "http";
		}

	}

}
