package io.graychain.meshlab.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.lab.daemon.LabRules;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.lab.proxy.Endpoint;
import io.graychain.meshlab.lab.proxy.Forwarder;
import io.graychain.meshlab.lab.proxy.PortInUseException;
import io.graychain.meshlab.lab.proxy.ProxyServer;
import io.graychain.meshlab.lab.proxy.Router;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingress gateway and a sidecar over fake pods (each answers its own name and what it received):
 * routing by the engine, the forward-proxy form, Envoy-like errors, rules switched and refused.
 */
class ProxyTest {

	static final String APPB_BY_HEADER = """
			apiVersion: networking.istio.io/v1
			kind: VirtualService
			metadata: {name: appb}
			spec:
			  hosts: [appb]
			  http:
			  - match: [{headers: {end-user: {exact: jason}}}]
			    route: [{destination: {host: appb, subset: v2}}]
			  - route: [{destination: {host: appb, subset: v1}}]
			""";

	static final String PRODUCT_AT_GATEWAY = """
			apiVersion: networking.istio.io/v1
			kind: VirtualService
			metadata: {name: product}
			spec:
			  hosts: [product.graychain.local]
			  gateways: [graychain-gateway]
			  http:
			  - route: [{destination: {host: product, subset: v2}}]
			""";

	final ExecutorService executor = Executors.newCachedThreadPool();

	final List<AutoCloseable> open = new ArrayList<>();

	@TempDir
	Path dir;

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		executor.shutdownNow();
	}

	EngineRouter router(String... rules) {
		MeshConfig config = Mesh.of(rules);
		Map<String, List<Endpoint>> endpoints = Map.of("appb-v1", List.of(pod("appb-v1-0")), "appb-v2", List.of(pod("appb-v2-0")),
				"product-v2", List.of(pod("product-v2-0")));
		return new EngineRouter(config, endpoints);
	}

	ProxyServer proxy(String from, Router router) {
		ProxyServer proxy = ProxyServer.start(from, 0, router, new Forwarder(Duration.ofSeconds(5)), executor);
		open.add(proxy);
		return proxy;
	}

	@Test
	void theSidecarRoutesByItsWorkloadAndTheRequestHeaders() {
		ProxyServer sidecar = proxy("appa-v1", router(APPB_BY_HEADER));
		Sender sender = new Sender(URI.create("http://127.0.0.1:1"), Map.of("appa-v1", sidecar.port()), Duration.ofSeconds(5));
		assertThat(sender.send("appa-v1", "appb:8000", "/greet?name=xx", Map.of()).body())
			.startsWith("appb-v1-0 GET /greet?name=xx host=");
		assertThat(sender.send("appa-v1", "appb:8000", "/", Map.of("end-user", "jason")).body()).startsWith("appb-v2-0");
		assertThat(sender.send("appa-v1", "appb:8000", "/", Map.of()).body()).contains("x-request-id=");
	}

	@Test
	void theGatewayRoutesByHostAndAnswersLikeEnvoyWhenItCannot() {
		ProxyServer gateway = proxy(Router.GATEWAY, router(PRODUCT_AT_GATEWAY));
		Sender sender = new Sender(URI.create("http://127.0.0.1:" + gateway.port()), Map.of(), Duration.ofSeconds(5));
		assertThat(sender.send("gateway", "product.graychain.local", "/product", Map.of()).body()).startsWith("product-v2-0");
		OneShotHttp.Reply unknown = sender.send("gateway", "nope.graychain.local", "/", Map.of());
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void aPodThatIsDownIsA503() {
		EngineRouter router = new EngineRouter(Mesh.of(PRODUCT_AT_GATEWAY),
				Map.of("product-v2", List.of(new Endpoint("product-v2-0", "product-v2", FreePort.find()))));
		ProxyServer gateway = proxy(Router.GATEWAY, router);
		Sender sender = new Sender(URI.create("http://127.0.0.1:" + gateway.port()), Map.of(), Duration.ofSeconds(5));
		OneShotHttp.Reply reply = sender.send("gateway", "product.graychain.local", "/product", Map.of());
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.body()).contains("upstream connect error");
	}

	@Test
	void aPortInUseIsAClearError() {
		ProxyServer taken = proxy(Router.GATEWAY, router());
		assertThatThrownBy(() -> ProxyServer.start(Router.GATEWAY, taken.port(), router(), new Forwarder(Duration.ofSeconds(1)),
				executor)).isInstanceOf(PortInUseException.class).hasMessageContaining("port " + taken.port())
			.hasMessageContaining("ingress gateway");
	}

	@Test
	void rulesAreSwitchedAtOnceAndAMistakeIsRefused() throws IOException {
		EngineRouter router = router();
		LabRules rules = new LabRules(Mesh.of(), router, dir);
		ProxyServer sidecar = proxy("appa-v1", router);
		Sender sender = new Sender(URI.create("http://127.0.0.1:1"), Map.of("appa-v1", sidecar.port()), Duration.ofSeconds(5));
		Path scenario = Files.createDirectories(dir.resolve("jason"));
		Files.writeString(scenario.resolve("virtual-service-appb.yaml"), APPB_BY_HEADER);
		assertThat(rules.apply("jason").applied()).isTrue();
		assertThat(sender.send("appa-v1", "appb:8000", "/", Map.of("end-user", "jason")).body()).startsWith("appb-v2-0");
		Path bad = Files.writeString(dir.resolve("bad.yaml"), APPB_BY_HEADER.replace("subset: v2", "subset: v9"));
		LabRules.Change refused = rules.apply(bad.toString());
		assertThat(refused.applied()).isFalse();
		assertThat(refused.message()).contains("v9").contains("rules in force (jason");
		assertThat(sender.send("appa-v1", "appb:8000", "/", Map.of("end-user", "jason")).body()).startsWith("appb-v2-0");
		assertThat(rules.apply("no-such-scenario").message()).contains("no scenario 'no-such-scenario'").contains("jason");
		assertThat(rules.reset().applied()).isTrue();
		assertThat(rules.describe()).startsWith("rules in force: baseline");
	}

	/** A fake pod: answers {@code <pod> <method> <target> host=<host> x-request-id=<id>}. */
	Endpoint pod(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
			server.createContext("/", exchange -> {
				byte[] body = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host="
						+ exchange.getRequestHeaders().getFirst("Host") + " x-request-id="
						+ exchange.getRequestHeaders().getFirst("x-request-id") + "\n").getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			open.add(() -> server.stop(0));
			return new Endpoint(name, name.substring(0, name.lastIndexOf('-')), server.getAddress().getPort());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
