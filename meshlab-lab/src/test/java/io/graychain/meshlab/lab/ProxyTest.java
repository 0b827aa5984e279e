package io.graychain.meshlab.lab;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.Sender;
import io.graychain.meshlab.lab.daemon.LabRules;
import io.graychain.meshlab.lab.http.FakePod;
import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.RawHttp;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.lab.proxy.Endpoint;
import io.graychain.meshlab.lab.proxy.Forwarder;
import io.graychain.meshlab.lab.proxy.PoolLimits;
import io.graychain.meshlab.lab.proxy.PortInUseException;
import io.graychain.meshlab.lab.proxy.ProxyServer;
import io.graychain.meshlab.lab.proxy.Routed;
import io.graychain.meshlab.lab.proxy.Router;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingress gateway and a sidecar over fake pods (each answers its own name and what it received):
 * routing by the engine, the forward-proxy form, Envoy-like errors, rules switched and refused.
 */
public class ProxyTest {

	/** appb v2 for {@code end-user: jason}, else v1 (also the base of other tests' broken rules). */
	public static final String APPB_BY_HEADER = """
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
			.hasMessageContaining("ingress gateway (--lab-port)");
	}

	@Test
	void aGatewayApiPortInUseNamesItsOption() {
		ProxyServer taken = proxy(Router.GATEWAY, router());
		assertThatThrownBy(() -> ProxyServer.start(Router.GATEWAY_API, taken.port(), router(), forwarder(Duration.ofSeconds(1)),
				threads, ServerLimits.ENVOY)).isInstanceOf(PortInUseException.class)
			.hasMessage("port " + taken.port() + " on 127.0.0.1 is in use by another process: cannot start the Gateway API gateway "
					+ "(--gateway-api-port) (stop that process, or choose another port)");
	}

	@Test
	void rulesAreSwitchedAtOnceAndAMistakeIsRefused() {
		EngineRouter router = router();
		LabRules rules = new LabRules(Mesh.of(), router);
		ProxyServer sidecar = proxy("appa-v1", router);
		Sender sender = new Sender(URI.create("http://127.0.0.1:1"), Map.of("appa-v1", sidecar.port()), Duration.ofSeconds(5));
		assertThat(rules.apply("jason", APPB_BY_HEADER).applied()).isTrue();
		assertThat(sender.send("appa-v1", "appb:8000", "/", Map.of("end-user", "jason")).body()).startsWith("appb-v2-0");
		LabRules.Change refused = rules.apply("bad.yaml", APPB_BY_HEADER.replace("subset: v2", "subset: v9"));
		assertThat(refused.applied()).isFalse();
		assertThat(refused.message()).contains("v9").contains("rules in force (jason");
		assertThat(sender.send("appa-v1", "appb:8000", "/", Map.of("end-user", "jason")).body()).startsWith("appb-v2-0");
		assertThat(rules.reset().applied()).isTrue();
		assertThat(rules.describe()).startsWith("rules in force: baseline");
	}

	/** h2c, as Envoy's listeners take it: an HTTP/1.1 Upgrade, the reply over HTTP/2, the pod asked in HTTP/1.1. */
	@Test
	void h2cIsTakenAndForwardedAsHttp11() throws Exception {
		Endpoint product = pod("product-v2-0");
		ProxyServer gateway = proxy(Router.GATEWAY, (from, request) -> Routed.to(product, "every request"));
		java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2)
			.proxy(java.net.http.HttpClient.Builder.NO_PROXY).build();
		java.net.http.HttpResponse<String> reply = client.send(java.net.http.HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/h2c")).timeout(Duration.ofSeconds(10)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(reply.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
		assertThat(reply.body()).startsWith("product-v2-0 GET /h2c host=127.0.0.1:" + gateway.port());
	}

	/**
	 * Envoy's HTTP/1 codec takes a target that starts with {@code /} as the path, whatever follows
	 * (envoyproxy/envoy {@code source/common/http/http1/codec_impl.cc},
	 * {@code ServerConnectionImpl::handlePath}): {@code //product.graychain.local/product} is a path,
	 * and the Host header routes.
	 */
	@Test
	void aDoubleSlashPathNeverOverridesTheHostHeader() {
		ProxyServer gateway = proxy(Router.GATEWAY, router(PRODUCT_AT_GATEWAY));
		RawHttp.Reply other = RawHttp.get(gateway.port(), "//product.graychain.local/product", "appa.graychain.local", "");
		assertThat(other.status()).isEqualTo(404);
		RawHttp.Reply product = RawHttp.get(gateway.port(), "//x.graychain.local/product", "product.graychain.local", "");
		assertThat(product.body()).startsWith("product-v2-0 GET //x.graychain.local/product host=product.graychain.local");
	}

	/** An absolute-form target's authority replaces Host (RFC 9112 3.2.2), as Envoy's codec does: a sidecar's form. */
	@Test
	void anAbsoluteTargetRoutesByItsAuthority() {
		ProxyServer sidecar = proxy("appa-v1", router(APPB_BY_HEADER));
		RawHttp.Reply reply = RawHttp.get(sidecar.port(), "http://appb:8000/greet", "appb:8000", "end-user: jason\r\n");
		assertThat(reply.body()).startsWith("appb-v2-0 GET /greet host=appb:8000");
	}

	@Test
	void badInputIsAShortPlainReplyNeverADroppedConnection() {
		ProxyServer gateway = proxy(Router.GATEWAY, router(PRODUCT_AT_GATEWAY));
		int port = gateway.port();
		assertPlain(RawHttp.get(port, "/product%zz", "product.graychain.local", ""), 400);
		assertPlain(RawHttp.get(port, "/product", "product.graychain.local", "x-bad: a\u0001b\r\n"), 400);
		assertPlain(RawHttp.get(port, "/product", "product.graychain.local", headers(199)), 431);
		assertPlain(RawHttp.get(port, "/product", "product.graychain.local", "x-big: " + "a".repeat(70 * 1024) + "\r\n"), 431);
		assertThat(RawHttp.get(port, "/product", "product.graychain.local", headers(97)).status()).isEqualTo(200);
	}

	@Test
	void aHostWithNoRouteIsEnvoysEmpty404AndNeverEchoed() {
		ProxyServer gateway = proxy(Router.GATEWAY, router(PRODUCT_AT_GATEWAY));
		RawHttp.Reply reply = RawHttp.get(gateway.port(), "/", "evil.example", "");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body()).isEmpty();
		assertThat(reply.hasHeader("x-content-type-options", "nosniff")).isTrue();
		assertThat(reply.head()).doesNotContain("<").doesNotContain("exception");
	}

	@Test
	void aLargeRequestBodyStreamsToThePodAsItComes() throws Exception {
		ProxyServer gateway = proxy(Router.GATEWAY, router(PRODUCT_AT_GATEWAY));
		AtomicLong received = pods.get("product-v2-0").received();
		long size = 100L * FakePod.MIB;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /count HTTP/1.1\r\nHost: product.graychain.local\r\nContent-Length: " + size
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			byte[] chunk = new byte[FakePod.MIB];
			out.write(chunk);
			out.flush();
			// a proxy that held the body whole would pass nothing on before the last byte
			awaitTrue(() -> received.get() > 0);
			// and while the upload is under way, other requests pass
			assertThat(RawHttp.get(gateway.port(), "/product", "product.graychain.local", "").status()).isEqualTo(200);
			for (int i = 1; i < 100; i++) {
				out.write(chunk);
			}
			out.flush();
			RawHttp.Reply reply = RawHttp.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body().strip()).isEqualTo(String.valueOf(size));
		}
	}

	@Test
	void aReplyStreamsToTheClientAsItComes() throws Exception {
		ProxyServer gateway = proxy(Router.GATEWAY, router(PRODUCT_AT_GATEWAY));
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write("GET /stream HTTP/1.1\r\nHost: product.graychain.local\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			// the pod sends its second MiB only once the first reached the client
			byte[] first = in.readNBytes(FakePod.MIB);
			assertThat(first).hasSize(FakePod.MIB);
			pods.get("product-v2-0").release();
			assertThat(first.length + in.readAllBytes().length).isGreaterThan(2 * FakePod.MIB);
		}
	}

	@Test
	void slowClientsHoldSocketsNotThreadsAndAreClosedWhenIdle() throws Exception {
		ServerLimits limits = ServerLimits.ENVOY.withIdleTimeout(Duration.ofMillis(500));
		ProxyServer gateway = proxy(Router.GATEWAY, router(PRODUCT_AT_GATEWAY), forwarder(Duration.ofSeconds(5)), limits);
		List<Socket> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 200; i++) {
				Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port());
				socket.getOutputStream().write("GET /product HTTP/1.1\r\nHost: product.graych".getBytes(StandardCharsets.ISO_8859_1));
				slow.add(socket);
			}
			assertThat(RawHttp.get(gateway.port(), "/product", "product.graychain.local", "").status()).isEqualTo(200);
			assertThat(threads.pool().getThreads()).isLessThanOrEqualTo(64);
			Socket first = slow.get(0);
			first.setSoTimeout(20_000);
			// the idle timeout ends a connection whose headers never complete (perhaps with a 408 first)
			byte[] rest = first.getInputStream().readAllBytes();
			assertThat(new String(rest, StandardCharsets.ISO_8859_1)).doesNotContain("200 OK");
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	@Test
	void aSlowPodIsEnvoys504AndAFullPoolEnvoysOverflow() throws Exception {
		Endpoint product = pod("product-v2-0");
		EngineRouter router = new EngineRouter(Mesh.of(PRODUCT_AT_GATEWAY), Map.of("product-v2", List.of(product)));
		Forwarder forwarder = forwarder(Duration.ofMillis(300));
		ProxyServer gateway = proxy(Router.GATEWAY, router, forwarder, ServerLimits.ENVOY);
		RawHttp.Reply late = RawHttp.get(gateway.port(), "/hold", "product.graychain.local", "");
		assertThat(late.status()).isEqualTo(504);
		assertThat(late.body()).isEqualTo("upstream request timeout\n");

		Forwarder small = forwarder(Duration.ofSeconds(20));
		small.limit(product, new PoolLimits(1, 0, 0));
		ProxyServer limited = proxy(Router.GATEWAY, router, small, ServerLimits.ENVOY);
		FakePod pod = pods.get("product-v2-0");
		java.util.concurrent.ExecutorService client = java.util.concurrent.Executors.newSingleThreadExecutor();
		open.add(client::shutdownNow);
		java.util.concurrent.Future<RawHttp.Reply> held = client
			.submit(() -> RawHttp.get(limited.port(), "/hold", "product.graychain.local", ""));
		awaitTrue(() -> pod.holding().get() == 2);
		RawHttp.Reply overflow = RawHttp.get(limited.port(), "/", "product.graychain.local", "");
		assertThat(overflow.status()).isEqualTo(503);
		assertThat(overflow.hasHeader("x-envoy-overflow", "true")).isTrue();
		assertThat(overflow.body()).contains("reset reason: overflow");
		pods.get("product-v2-0").release();
		assertThat(held.get(20, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
	}

	/** The rules of the fault, timeout and mirror tests (src/test/resources/lab). */
	static String policyRules() throws Exception {
		return java.nio.file.Files.readString(java.nio.file.Path.of(ProxyTest.class.getResource("/lab/appb-fault-timeout-mirror.yaml").toURI()));
	}

	/**
	 * A fault abort is the proxy's own reply, the status with {@code fault filter abort}, the pod never
	 * asked (envoy source/extensions/filters/http/fault/fault_filter.cc FaultFilter::abortWithStatus).
	 */
	@Test
	void aFaultAbortIsTheProxysOwnReply() throws Exception {
		ProxyServer sidecar = proxy("appa-v1", router(policyRules()));
		RawHttp.Reply reply = RawHttp.get(sidecar.port(), "http://appb:8000/greet", "appb:8000", "end-user: aborted\r\n");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.body()).isEqualTo("fault filter abort\n");
		assertThat(pods.get("appb-v1-0").hosts()).isEmpty();
	}

	/**
	 * The route timeout starts when the router has the request, after the fault filter's delay
	 * (envoy source/common/router/router.cc Filter::onRequestComplete): a 1 s delay under an 800 ms
	 * timeout still gets the pod's reply.
	 */
	@Test
	void aFaultDelayDoesNotCountAgainstTheRouteTimeout() throws Exception {
		ProxyServer sidecar = proxy("appa-v1", router(policyRules()));
		RawHttp.Reply reply = RawHttp.get(sidecar.port(), "http://appb:8000/greet", "appb:8000", "end-user: delayed\r\n");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).startsWith("appb-v1-0 GET /greet");
	}

	/** The route's timeout, not the lab's ceiling, bounds the exchange: 504 {@code upstream request timeout}. */
	@Test
	void theRouteTimeoutIsEnvoys504() throws Exception {
		ProxyServer sidecar = proxy("appa-v1", router(policyRules()), forwarder(Duration.ofSeconds(20)), ServerLimits.ENVOY);
		RawHttp.Reply reply = RawHttp.get(sidecar.port(), "http://appb:8000/hold", "appb:8000", "end-user: hurried\r\n");
		assertThat(reply.status()).isEqualTo(504);
		assertThat(reply.body()).isEqualTo("upstream request timeout\n");
	}

	/**
	 * The mirror gets a copy with its Host suffixed {@code -shadow} before the port (envoy
	 * source/common/router/shadow_writer_impl.cc shadowAppendedHost); the user's reply is the route's.
	 */
	@Test
	void aMirrorGetsAShadowCopyAndTheUserTheRoutesReply() throws Exception {
		ProxyServer sidecar = proxy("appa-v1", router(policyRules()));
		RawHttp.Reply reply = RawHttp.get(sidecar.port(), "http://appb:8000/greet", "appb:8000", "");
		assertThat(reply.body()).startsWith("appb-v1-0 GET /greet host=appb:8000");
		FakePod v2 = pods.get("appb-v2-0");
		awaitTrue(() -> v2.hosts().contains("appb-shadow:8000"));
		assertThat(v2.hosts()).containsOnly("appb-shadow:8000");
	}

	/**
	 * An HTTPRoute rule's {@code timeouts.request} is the route timeout and its {@code RequestMirror}
	 * sends a copy to the backend's Service, as Istio translates them (istio/istio
	 * pilot/pkg/config/kube/gateway/conversion.go convertHTTPRoute, createMirrorFilter; gateway-api
	 * conformance tests/httproute-timeout-request.go, httproute-request-mirror.go).
	 */
	@Test
	void theGatewayApiGatewayFollowsARulesTimeoutAndMirror() throws Exception {
		String rules = java.nio.file.Files.readString(java.nio.file.Path.of(ProxyTest.class.getResource("/lab/httproute-timeout-mirror.yaml").toURI()));
		// the lab's ceiling (60 s) is past the client's 20 s: only the rule's 300 ms can give the 504
		ProxyServer gateway = proxy(Router.GATEWAY_API, router(rules), forwarder(Duration.ofSeconds(60)), ServerLimits.ENVOY);
		RawHttp.Reply late = RawHttp.get(gateway.port(), "/hold", "appb.graychain.local", "end-user: hurried\r\n");
		assertThat(late.status()).isEqualTo(504);
		assertThat(late.body()).isEqualTo("upstream request timeout\n");

		RawHttp.Reply reply = RawHttp.get(gateway.port(), "/greet", "appb.graychain.local", "");
		assertThat(reply.body()).startsWith("appb-v1-0 GET /greet host=appb.graychain.local");
		FakePod v2 = pods.get("appb-v2-0");
		awaitTrue(() -> v2.hosts().contains("appb.graychain.local-shadow"));
		assertThat(v2.hosts()).containsOnly("appb.graychain.local-shadow");
	}

	static void assertPlain(RawHttp.Reply reply, int status) {
		assertThat(reply.status()).as(reply.head() + reply.body()).isEqualTo(status);
		assertThat(reply.hasHeader("content-type", "text/plain")).as(reply.head()).isTrue();
		assertThat(reply.hasHeader("x-content-type-options", "nosniff")).as(reply.head()).isTrue();
		assertThat(reply.body()).hasSizeLessThan(100).doesNotContain("Exception").doesNotContain("<");
	}

	static String headers(int count) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			lines.append("x-h").append(i).append(": v\r\n");
		}
		return lines.toString();
	}

	/** Waits, at most 20 s, until {@code condition} holds. */
	static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	/** A fake pod ({@link FakePod}), closed after the test. */
	Endpoint pod(String name) {
		FakePod pod = new FakePod(name);
		open.add(pod);
		pods.put(name, pod);
		return pod.endpoint();
	}

}
