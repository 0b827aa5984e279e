package io.graychain.meshlab.lab;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.lab.daemon.LabRules;
import io.graychain.meshlab.lab.http.FakePod;
import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.lab.proxy.Endpoint;
import io.graychain.meshlab.lab.proxy.Forwarder;
import io.graychain.meshlab.lab.proxy.PoolLimits;
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

	final LabThreads threads = LabThreads.start("proxy-test", 64);

	final List<AutoCloseable> open = new ArrayList<>();

	final Map<String, FakePod> pods = new java.util.HashMap<>();

	@TempDir
	Path dir;

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		threads.close();
	}

	EngineRouter router(String... rules) {
		MeshConfig config = Mesh.of(rules);
		Map<String, List<Endpoint>> endpoints = Map.of("appb-v1", List.of(pod("appb-v1-0")), "appb-v2", List.of(pod("appb-v2-0")),
				"product-v2", List.of(pod("product-v2-0")));
		return new EngineRouter(config, endpoints);
	}

	ProxyServer proxy(String from, Router router) {
		return proxy(from, router, forwarder(Duration.ofSeconds(5)), ServerLimits.ENVOY);
	}

	ProxyServer proxy(String from, Router router, Forwarder forwarder, ServerLimits limits) {
		ProxyServer proxy = ProxyServer.start(from, 0, router, forwarder, threads, limits);
		open.add(proxy);
		return proxy;
	}

	Forwarder forwarder(Duration timeout) {
		Forwarder forwarder = new Forwarder(threads, timeout, PoolLimits.ENVOY);
		open.add(forwarder);
		return forwarder;
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
		assertThatThrownBy(() -> ProxyServer.start(Router.GATEWAY, taken.port(), router(), forwarder(Duration.ofSeconds(1)),
				threads, ServerLimits.ENVOY)).isInstanceOf(PortInUseException.class).hasMessageContaining("port " + taken.port())
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

	/** A fake pod ({@link FakePod}), closed after the test. */
	Endpoint pod(String name) {
		FakePod pod = new FakePod(name);
		open.add(pod);
		pods.put(name, pod);
		return pod.endpoint();
	}

}
