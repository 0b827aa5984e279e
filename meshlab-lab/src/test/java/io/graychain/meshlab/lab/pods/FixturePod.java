package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

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

	/** A runnable jar of this class in {@code dir}, over the test classes (its manifest's Class-Path). */
	static Path jar(Path dir) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FixturePod.class.getName());
		Path classes = Path.of(FixturePod.class.getProtectionDomain().getCodeSource().getLocation().getPath());
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
		Path jar = dir.resolve("fixture.jar");
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
			return jar;
		}
	}

}
