package io.graychain.meshlab.lab.daemon;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.LocalReply;
import io.graychain.meshlab.lab.http.LoopbackServer;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.observe.IstioMetrics;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The lab's dashboard port on 127.0.0.1: {@code GET /stats/prometheus}, Istio's standard metrics of
 * the gateway and the sidecars in Prometheus' text format (where a cluster's Prometheus scrapes each
 * Envoy), behind the same guards as the admin endpoint ({@link AdminGuard}: loopback Host with this
 * port, no foreign Origin).
 */
public final class DashboardServer implements AutoCloseable {

	private final LoopbackServer server;

	private final LabThreads threads;

	private DashboardServer(LoopbackServer server, LabThreads threads) {
		this.server = server;
		this.threads = threads;
	}

	/** Serves the metrics of {@code lab} once it is there ({@code lab} answers null while it starts). */
	public static DashboardServer start(int port, Supplier<Lab> lab, ServerLimits limits) {
		LabThreads threads = LabThreads.start("dashboard", 8);
		try {
			LoopbackServer server = LoopbackServer.start(port, threads, limits,
					new AdminGuard.Guarded(new Handling(() -> lab.get() == null ? null : lab.get().metrics())),
					"the lab's dashboard");
			return new DashboardServer(server, threads);
		}
		catch (RuntimeException ex) {
			threads.close();
			throw ex;
		}
	}

	public int port() {
		return server.port();
	}

	/** {@code http://127.0.0.1:<port>/}. */
	public String url() {
		return "http://127.0.0.1:" + port() + "/";
	}

	@Override
	public void close() {
		server.close();
		threads.close();
	}

	private static final class Handling extends Handler.Abstract {

		private final Supplier<IstioMetrics> metrics;

		Handling(Supplier<IstioMetrics> metrics) {
			this.metrics = metrics;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) {
			String path = request.getHttpURI().getPath();
			if (!"/stats/prometheus".equals(path)) {
				LocalReply.send(response, callback, 404, "no such page; the metrics are at /stats/prometheus");
			}
			else if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
				response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
				LocalReply.send(response, callback, 405, "use GET");
			}
			else if (metrics.get() == null) {
				LocalReply.send(response, callback, 503, AdminServer.Calls.STARTING.text());
			}
			else {
				response.setStatus(200);
				response.getHeaders().put(HttpHeader.CONTENT_TYPE, IstioMetrics.contentType());
				response.getHeaders().add(LocalReply.NOSNIFF);
				response.write(true, BufferUtil.toBuffer(metrics.get().scrape().getBytes(StandardCharsets.UTF_8)), callback);
			}
			return true;
		}

	}

}
