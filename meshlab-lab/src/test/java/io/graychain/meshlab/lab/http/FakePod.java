package io.graychain.meshlab.lab.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.graychain.meshlab.lab.proxy.Endpoint;

/**
 * A pod for the proxies' tests, on loopback: {@code /echo...} answers {@code <pod> <method> <target>
 * host=<host> x-request-id=<id>}; {@code /count} reads the body as it comes (counting into
 * {@link #received()}) and answers its size; {@code /hold} waits until {@link #release()} (counted in {@link #holding()});
 * {@code /stream} writes 1 MiB, waits until {@link #release()}, then writes 1 MiB more;
 * {@code /status/<code>} answers that status. After {@link #failNext(int, int)} the next requests,
 * whatever their path, answer that status without reading their body.
 */
public final class FakePod implements AutoCloseable {

	public static final int MIB = 1024 * 1024;

	private final String name;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicLong received = new AtomicLong();

	private final AtomicInteger holding = new AtomicInteger();

	private final CountDownLatch release = new CountDownLatch(1);

	private final java.util.List<String> hosts = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final AtomicInteger failing = new AtomicInteger();

	private volatile int failStatus = 500;

	private final AtomicInteger failWith = new AtomicInteger();

	public FakePod(String name) {
		this.name = name;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	public Endpoint endpoint() {
		return new Endpoint(name, name.substring(0, name.lastIndexOf('-')), server.getAddress().getPort());
	}

	public AtomicLong received() {
		return received;
	}

	/** How many {@code /hold} requests arrived. */
	public AtomicInteger holding() {
		return holding;
	}

	/** The Host header of every request that arrived, in order. */
	public java.util.List<String> hosts() {
		return hosts;
	}

	/** The next {@code count} requests answer {@code status}. */
	public void failNext(int count, int status) {
		failStatus = status;
		failing.set(count);
	}

	public void release() {
		release.countDown();
	}

	/** From now on every request is answered {@code status} (0: as usual), as a misbehaving version would. */
	public void failWith(int status) {
		failWith.set(status);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			hosts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
			if (failWith.get() != 0) {
				exchange.sendResponseHeaders(failWith.get(), -1);
			}
			else if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				exchange.sendResponseHeaders(failStatus, -1);
			}
			else if (path.startsWith("/status/")) {
				exchange.sendResponseHeaders(Integer.parseInt(path.substring("/status/".length())), -1);
			}
			else if (path.startsWith("/count")) {
				byte[] buffer = new byte[64 * 1024];
				InputStream in = exchange.getRequestBody();
				for (int n; (n = in.read(buffer)) > 0;) {
					received.addAndGet(n);
				}
				reply(exchange, String.valueOf(received.get()));
			}
			else if (path.startsWith("/hold")) {
				holding.incrementAndGet();
				await();
				reply(exchange, name + " held");
			}
			else if (path.startsWith("/stream")) {
				exchange.sendResponseHeaders(200, 2L * MIB);
				OutputStream out = exchange.getResponseBody();
				out.write(new byte[MIB]);
				out.flush();
				await();
				out.write(new byte[MIB]);
				out.close();
			}
			else {
				reply(exchange, name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host="
						+ exchange.getRequestHeaders().getFirst("Host") + " x-request-id="
						+ exchange.getRequestHeaders().getFirst("x-request-id"));
			}
		}
	}

	private void await() {
		try {
			release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void reply(HttpExchange exchange, String text) throws IOException {
		byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
	}

	@Override
	public void close() {
		release();
		server.stop(0);
		executor.shutdownNow();
	}

}
