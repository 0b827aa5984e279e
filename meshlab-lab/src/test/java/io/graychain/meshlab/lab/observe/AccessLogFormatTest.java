package io.graychain.meshlab.lab.observe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.graychain.meshlab.lab.proxy.ProxyExchange;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Details;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Peer;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Service;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log line of the lab's proxies: Istio's text format (istio/istio
 * pilot/pkg/model/telemetry_logging.go EnvoyTextLogFormat), field by field against the lines of
 * {@code access-log-lines.txt}.
 */
class AccessLogFormatTest {

	static final Instant START = Instant.parse("2026-11-28T21:50:00.123Z");

	static final Peer GATEWAY = new Peer("istio-ingressgateway", "istio-system", "istio-ingressgateway", "unknown");

	static final Peer APPA_V1 = new Peer("appa-v1", "graychain", "appa", "v1");

	static final Peer APPB_V1 = new Peer("appb-v1", "graychain", "appb", "v1");

	static final Peer PRODUCT_V2 = new Peer("product-v2", "graychain", "product", "v2");

	private final Map<String, String> expected = lines();

	@Test
	void aRoutedRequestIsLoggedOutboundByTheCallerAndInboundByTheCallee() {
		ProxyExchange exchange = new ProxyExchange("gateway", GATEWAY, PRODUCT_V2, new Service("product", "graychain"), 200,
				"-", "http", 15.6, "product-v2-0", false, "req-1", 0,
				new Details(START, "GET", "/product?x=1", "product.graychain.local", "curl/8.5.0", "", 0, 42, "127.0.0.1:34567",
						"outbound|7000|v2|product.graychain.svc.cluster.local", 34567));

		assertThat(AccessLogFormat.outbound(exchange)).isEqualTo(expected.get("routed-outbound"));
		assertThat(AccessLogFormat.inbound(exchange)).isEqualTo(expected.get("routed-inbound"));
	}

	@Test
	void noRouteIsTheGatewaysOwnReplyWithNoUpstreamAndNoInboundLine() {
		ProxyExchange exchange = new ProxyExchange("gateway", GATEWAY, Peer.UNKNOWN, Service.UNKNOWN, 404, "NR", "http", 0.7,
				"", false, "req-2", 0, new Details(START, "GET", "/nope", "nope.graychain.local", "", "", 0, 0, "", "", 0));

		assertThat(AccessLogFormat.outbound(exchange)).isEqualTo(expected.get("no-route-outbound"));
		assertThat(AccessLogFormat.inbound(exchange)).isNull();
	}

	@Test
	void aFaultAbortNeverReachesThePod() {
		ProxyExchange exchange = new ProxyExchange("appa-v1", APPA_V1, APPB_V1, new Service("appb", "graychain"), 503, "FI",
				"http", 0.2, "", false, "req-3", 0, new Details(START, "GET", "/greet", "appb:8000", "", "", 0, 18, "",
						"outbound|8000|v1|appb.graychain.svc.cluster.local", 0));

		assertThat(AccessLogFormat.outbound(exchange)).isEqualTo(expected.get("abort-outbound"));
		assertThat(AccessLogFormat.inbound(exchange)).isNull();
	}

	/** The caller's route timeout (UT, 504) is, at the callee, a downstream that went away (DC, no status). */
	@Test
	void aTimeoutIsUtAtTheCallerAndDcAtTheCallee() {
		ProxyExchange exchange = new ProxyExchange("appa-v1", APPA_V1, APPB_V1, new Service("appb", "graychain"), 504, "UT",
				"http", 300.2, "appb-v1-0", false, "req-4", 0, new Details(START, "GET", "/greet", "appb:8000", "", "", 0, 24,
						"127.0.0.1:41000", "outbound|8000|v1|appb.graychain.svc.cluster.local", 41000));

		assertThat(AccessLogFormat.outbound(exchange)).isEqualTo(expected.get("timeout-outbound"));
		assertThat(AccessLogFormat.inbound(exchange)).isEqualTo(expected.get("timeout-inbound"));
	}

	/** The lines of the fixture file by case name. */
	static Map<String, String> lines() {
		try (InputStream in = AccessLogFormatTest.class.getResourceAsStream("access-log-lines.txt")) {
			Map<String, String> lines = new LinkedHashMap<>();
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
				.map(l -> l.split("\t", 2)).forEach(p -> lines.put(p[0], p[1]));
			return lines;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
