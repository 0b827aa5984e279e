package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * A service for the pod tests, run as its own process: listens on {@code --server.port=<port>}
 * of 127.0.0.1 and answers 200 to every request, until it is killed.
 */
public final class FixturePod {

	private FixturePod() {
	}

	public static void main(String[] args) throws IOException {
		int port = 0;
		for (String arg : args) {
			if (arg.startsWith("--server.port=")) {
				port = Integer.parseInt(arg.substring("--server.port=".length()));
			}
		}
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
		server.createContext("/", exchange -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
	}

}
