package io.graychain.meshlab.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.graychain.meshlab.lab.http.FakePod;
import io.graychain.meshlab.lab.http.LabThreads;
import io.graychain.meshlab.lab.http.RawHttp;
import io.graychain.meshlab.lab.http.ServerLimits;
import io.graychain.meshlab.lab.pods.FreePort;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.lab.proxy.Endpoint;
import io.graychain.meshlab.lab.proxy.Forwarder;
import io.graychain.meshlab.lab.proxy.PoolLimits;
import io.graychain.meshlab.lab.proxy.ProxyExchange;
import io.graychain.meshlab.lab.proxy.ProxyServer;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries at a sidecar over fake pods, as Envoy's router makes them (envoyproxy/envoy
 * source/common/router/router.cc, retry_state_impl.cc) with the policy Istio gives it
 * (istio/istio pilot/pkg/networking/core/route/retry/retry.go ConvertPolicy). Tries are counted at the
 * pods; no assertion depends on timing. The rules: src/test/resources/lab/appb-retries.yaml.
 */
class ProxyRetryTest {

	final LabThreads threads = LabThreads.start("retry-test", 64);

	final List<AutoCloseable> open = new ArrayList<>();

	final Map<String, FakePod> pods = new LinkedHashMap<>();

	final List<ProxyExchange> exchanges = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		threads.close();
	}

	/** A sidecar of appa-v1 over the retry rules, appb-v1 served by {@code appbPods}. */
	ProxyServer sidecar(Endpoint... appbPods) throws Exception {
		String rules = Files.readString(Path.of(ProxyRetryTest.class.getResource("/lab/appb-retries.yaml").toURI()));
		EngineRouter router = new EngineRouter(Mesh.of(rules), Map.of("appb-v1", List.of(appbPods)));
		Forwarder forwarder = new Forwarder(threads, Duration.ofSeconds(20), PoolLimits.ENVOY);
		open.add(forwarder);
		ProxyServer proxy = ProxyServer.start("appa-v1", 0, router, forwarder, threads, ServerLimits.ENVOY, exchanges::add);
		open.add(proxy);
		return proxy;
	}

	Endpoint pod(String name) {
		FakePod pod = new FakePod(name);
		open.add(pod);
		pods.put(name, pod);
		return pod.endpoint();
	}

	RawHttp.Reply get(ProxyServer sidecar, String path, String user) {
		return RawHttp.get(sidecar.port(), "http://appb:8000" + path, "appb:8000", user.isEmpty() ? "" : "end-user: " + user + "\r\n");
	}

	int tries(String pod) {
		return pods.get(pod).hosts().size();
	}

	String flags() throws InterruptedException {
		ProxyTest.awaitTrue(() -> !exchanges.isEmpty());
		return exchanges.get(exchanges.size() - 1).responseFlags();
	}

	/**
	 * Istio's default policy when a route sets none (retry.go defaultPolicy) retries no status since
	 * Istio 1.24 (EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY true in pilot/pkg/features): a 503 and a 500
	 * are tried once.
	 */
	@Test
	void theDefaultPolicyRetriesNoStatus() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"));
		assertThat(get(sidecar, "/status/503", "").status()).isEqualTo(503);
		assertThat(tries("appb-v1-0")).isEqualTo(1);
		assertThat(get(sidecar, "/status/500", "").status()).isEqualTo(500);
		assertThat(tries("appb-v1-0")).isEqualTo(2);
	}

	/** With retries left none, the last retriable reply goes out flagged URX (router.cc: RetryStatus::NoRetryLimitExceeded). */
	@Test
	void theLastRetriedReplyGoesOutFlaggedURX() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"));
		assertThat(get(sidecar, "/status/503", "on-5xx").status()).isEqualTo(503);
		assertThat(tries("appb-v1-0")).isEqualTo(3);
		assertThat(flags()).isEqualTo("URX");
	}

	/** {@code attempts: 0} disables retries (retry.go ConvertPolicy returns nil): a refused connection is UF alone. */
	@Test
	void attemptsZeroTriesOnce() throws Exception {
		ProxyServer sidecar = sidecar(new Endpoint("appb-v1-0", "appb-v1", FreePort.find()));
		assertThat(get(sidecar, "/greet", "off").status()).isEqualTo(503);
		assertThat(flags()).isEqualTo("UF");
	}

	/** Retries on 5xx hide a pod that fails now and then: the user gets the try that worked. */
	@Test
	void retriesOn5xxHideAFlakyPod() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"));
		pods.get("appb-v1-0").failNext(2, 500);
		RawHttp.Reply reply = get(sidecar, "/greet", "on-5xx");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).startsWith("appb-v1-0 GET /greet");
		assertThat(tries("appb-v1-0")).isEqualTo(3);
	}

	/**
	 * A status code in {@code retryOn} is a retriable status (retry.go parseRetryOn adds
	 * retriable-status-codes); other statuses are not retried.
	 */
	@Test
	void aStatusCodeInRetryOnIsRetriedAndOnlyIt() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"));
		assertThat(get(sidecar, "/status/500", "on-500").status()).isEqualTo(500);
		assertThat(tries("appb-v1-0")).isEqualTo(4);
		assertThat(get(sidecar, "/status/502", "on-500").status()).isEqualTo(502);
		assertThat(tries("appb-v1-0")).isEqualTo(5);
	}

	/**
	 * A try that outlives {@code perTryTimeout} is a local reset, retried on gateway-error (and 5xx,
	 * reset) (retry_state_impl.cc wouldRetryFromReset); the last one is 504 UT with URX.
	 */
	@Test
	void aPerTryTimeoutIsRetriedOnGatewayError() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"));
		RawHttp.Reply reply = get(sidecar, "/hold", "per-try");
		assertThat(reply.status()).isEqualTo(504);
		assertThat(reply.body()).isEqualTo("upstream request timeout\n");
		assertThat(pods.get("appb-v1-0").holding().get()).isEqualTo(3);
		assertThat(flags()).isEqualTo("UT,URX");
	}

	/** A per-try timeout is no connect failure: a route retrying on connect-failure only tries once. */
	@Test
	void aPerTryTimeoutIsNotRetriedOnConnectFailureAlone() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"));
		assertThat(get(sidecar, "/hold", "per-try-not-retried").status()).isEqualTo(504);
		assertThat(pods.get("appb-v1-0").holding().get()).isEqualTo(1);
		assertThat(flags()).isEqualTo("UT");
	}

	/**
	 * The route timeout spans all tries and back-offs (router.cc: the global timeout starts once, in
	 * onRequestComplete; onResponseTimeout answers 504 UT): 50 retries of 100 ms never all happen in 600 ms.
	 */
	@Test
	void theRouteTimeoutSpansAllTries() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"));
		RawHttp.Reply reply = get(sidecar, "/hold", "spanning");
		assertThat(reply.status()).isEqualTo(504);
		assertThat(pods.get("appb-v1-0").holding().get()).isBetween(1, 50);
		assertThat(flags()).contains("UT");
	}

	/**
	 * The fault filter runs before the router: its abort is never retried at that proxy, the pod never
	 * asked (fault_filter.cc abortWithStatus sends a local reply).
	 */
	@Test
	void aFaultAbortIsNotRetriedAtItsProxy() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"));
		RawHttp.Reply reply = get(sidecar, "/greet", "aborted");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.body()).isEqualTo("fault filter abort\n");
		assertThat(tries("appb-v1-0")).isZero();
		assertThat(flags()).isEqualTo("FI");
	}

	/** A retry prefers a pod not tried yet (Istio's previous_hosts retry host predicate, retry.go DefaultPolicy). */
	@Test
	void aRetryGoesToAnotherPod() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"), pod("appb-v1-1"));
		assertThat(get(sidecar, "/status/503", "on-5xx").status()).isEqualTo(503);
		assertThat(tries("appb-v1-0") + tries("appb-v1-1")).isEqualTo(3);
		assertThat(tries("appb-v1-0")).isPositive();
		assertThat(tries("appb-v1-1")).isPositive();
	}

	/** A body small enough to buffer is sent again on a retry, whole. */
	@Test
	void aBufferedBodyIsReplayedOnARetry() throws Exception {
		ProxyServer sidecar = sidecar(pod("appb-v1-0"));
		pods.get("appb-v1-0").failNext(1, 503);
		RawHttp.Reply reply = RawHttp.send(sidecar.port(), "POST http://appb:8000/count HTTP/1.1\r\nHost: appb:8000\r\n"
				+ "end-user: on-5xx\r\nContent-Length: 10\r\nConnection: close\r\n\r\n0123456789");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo("10\n");
		assertThat(tries("appb-v1-0")).isEqualTo(2);
	}

	/** A pod that refuses connections is retried on connect-failure; the answer is 503 UF with URX. */
	@Test
	void aRefusedConnectionIsRetriedThenUF() throws Exception {
		ProxyServer sidecar = sidecar(new Endpoint("appb-v1-0", "appb-v1", FreePort.find()));
		RawHttp.Reply reply = get(sidecar, "/greet", "");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.body()).contains("connection failure");
		assertThat(flags()).isEqualTo("UF,URX");
	}

	/**
	 * After a retry the request is reported for the pod that answered, not the one first picked: a pod
	 * refusing connections (retried by Istio's default policy, connect-failure) never shows as the
	 * answering pod in the metrics and access logs.
	 */
	@Test
	void theExchangeNamesThePodOfTheLastTry() throws Exception {
		ProxyServer sidecar = sidecar(new Endpoint("appb-v1-0", "appb-v1", FreePort.find()), pod("appb-v1-1"));
		for (int i = 0; i < 4; i++) {
			assertThat(get(sidecar, "/greet", "").status()).isEqualTo(200);
		}
		ProxyTest.awaitTrue(() -> exchanges.size() == 4);
		assertThat(exchanges).extracting(ProxyExchange::upstreamPod).containsOnly("appb-v1-1");
		assertThat(exchanges).extracting(e -> e.details().upstreamPort()).containsOnly(pods.get("appb-v1-1").endpoint().port());
	}

}
