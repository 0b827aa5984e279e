package io.graychain.support.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a server that counts the connections it accepts: how a test sees
 * whether a client opened a new connection for every request.
 */
final class CountingRelay implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final AtomicInteger accepted = new AtomicInteger();

	private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
		Thread thread = new Thread(r, "relay");
		thread.setDaemon(true);
		return thread;
	});

	private CountingRelay(ServerSocket server, int targetPort) {
		this.server = server;
		this.targetPort = targetPort;
		pool.execute(this::acceptLoop);
	}

	static CountingRelay to(int targetPort) {
		try {
			return new CountingRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return server.getLocalPort();
	}

	int connections() {
		return accepted.get();
	}

	private void acceptLoop() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				accepted.incrementAndGet();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				pool.execute(() -> pump(client, upstream));
				pool.execute(() -> pump(upstream, client));
			}
			catch (IOException ex) {
				// closed, or the target refused: the client sees its connection end
			}
		}
	}

	/** Copies {@code from} to {@code to} until either ends, then closes both. */
	private static void pump(Socket from, Socket to) {
		try (from; to) {
			from.getInputStream().transferTo(to.getOutputStream());
		}
		catch (IOException ex) {
			// the other direction closed the sockets
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
		pool.shutdownNow();
	}

}
