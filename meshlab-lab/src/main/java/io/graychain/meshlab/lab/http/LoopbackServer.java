package io.graychain.meshlab.lab.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;

import io.graychain.meshlab.lab.proxy.PortInUseException;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * One of the lab's HTTP/1.1 and h2c servers (gateway, sidecar, admin) on Jetty, listening on 127.0.0.1
 * only, over a shared bounded thread pool: headers bounded by {@link ServerLimits}, errors written
 * by {@link PlainErrors}, nothing that fails inside a handler leaking out.
 */
public final class LoopbackServer implements AutoCloseable {

	private final Server server;

	private final ServerConnector connector;

	private LoopbackServer(Server server, ServerConnector connector) {
		this.server = server;
		this.connector = connector;
	}

	/**
	 * Starts {@code handler} on {@code port} of 127.0.0.1 (0: any free port).
	 *
	 * @param threads started and shared: closing this server leaves them running
	 * @param what what listens, for the error when the port is taken
	 */
	public static LoopbackServer start(int port, LabThreads threads, ServerLimits limits, Handler handler, String what) {
		Server server = new Server(threads.pool(), threads.scheduler(), null);
		HttpConfiguration config = new HttpConfiguration();
		config.setRequestHeaderSize(limits.maxHeaderBytes());
		config.setSendServerVersion(false);
		config.setSendXPoweredBy(false);
		// The path is routed as sent, not decoded or normalized: Envoy forwards `//a/b` as it came
		// (merge_slashes is off by default). A bad escape is still refused by the parser.
		config.setUriCompliance(UriCompliance.LEGACY);
		config.setHttpCompliance(HttpCompliance.RFC9110);
		// 0 acceptors: the selector accepts; 1 selector: the lab runs a dozen servers on 2 cores.
		// HTTP/1.1, and h2c (prior knowledge, or an Upgrade from HTTP/1.1), as Envoy's listeners take both.
		HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(config);
		ServerConnector connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(config), h2c);
		connector.setHost("127.0.0.1");
		connector.setPort(port);
		connector.setIdleTimeout(limits.idleTimeout().toMillis());
		server.addConnector(connector);
		server.setHandler(new HeaderCount(limits.maxHeaderCount(), handler));
		server.setErrorHandler(new PlainErrors());
		server.setStopTimeout(0);
		try {
			server.start();
			return new LoopbackServer(server, connector);
		}
		catch (Exception ex) {
			stopQuietly(server);
			if (Causes.causedBy(ex, BindException.class)) {
				throw new PortInUseException(port, what);
			}
			throw ex instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException("cannot start " + what, ex);
		}
	}

	public int port() {
		return connector.getLocalPort();
	}

	@Override
	public void close() {
		stopQuietly(server);
	}

	private static void stopQuietly(Server server) {
		try {
			server.stop();
		}
		catch (Exception ex) {
			// stopping: nothing more to do
		}
	}

	/** 431 for more request headers than allowed, as Envoy answers ({@code ConnectionImpl::completeLastHeader}). */
	private static final class HeaderCount extends Handler.Wrapper {

		private final int max;

		HeaderCount(int max, Handler handler) {
			super(handler);
			this.max = max;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) throws Exception {
			if (request.getHeaders().size() > max) {
				LocalReply.sendStatus(response, callback, 431);
				return true;
			}
			try {
				return super.handle(request, response, callback);
			}
			catch (RuntimeException ex) {
				if (!response.isCommitted()) {
					LocalReply.sendStatus(response, callback, 500);
					return true;
				}
				throw ex;
			}
		}

	}

}
