package io.graychain.meshlab.lab.observe;

import java.util.List;

import io.graychain.meshlab.canary.CanarySeries;
import io.graychain.meshlab.canary.Figures;
import io.graychain.meshlab.canary.IntervalAnalysis;
import io.graychain.meshlab.canary.LabelMatcher;
import io.graychain.meshlab.canary.Sample;
import io.graychain.meshlab.canary.Scrape;
import io.graychain.meshlab.lab.proxy.ProxyExchange;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Peer;
import io.graychain.meshlab.lab.proxy.ProxyExchange.Service;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Istio's standard metrics as the lab's proxies record them, read back through the canary
 * analysis' own parser and Flagger's series selection (fluxcd/flagger pkg/metrics/observers/istio.go).
 */
class IstioMetricsTest {

	private static final Peer GATEWAY = new Peer("istio-ingressgateway", "istio-system", "istio-ingressgateway", "unknown");

	private static final Peer PRODUCT_V1 = new Peer("product-v1", "graychain", "product", "v1");

	private static final Peer PRODUCT_V2 = new Peer("product-v2", "graychain", "product", "v2");

	private static final Peer APPB_V1 = new Peer("appb-v1", "graychain", "appb", "v1");

	private static final Service PRODUCT = new Service("product", "graychain");

	private final IstioMetrics metrics = new IstioMetrics();

	private static ProxyExchange exchange(String proxy, Peer source, Peer destination, Service service, int status,
			double millis) {
		return new ProxyExchange(proxy, source, destination, service, status, "-", "http", millis,
				destination.workload() + "-0", false, "id", 0);
	}

	@Test
	void countsEachRequestOnceAsTheSourceAndOnceAsTheDestinationPerVersion() {
		for (int i = 0; i < 7; i++) {
			metrics.completed(exchange("gateway", GATEWAY, PRODUCT_V1, PRODUCT, 200, 3));
		}
		for (int i = 0; i < 5; i++) {
			metrics.completed(exchange("gateway", GATEWAY, PRODUCT_V2, PRODUCT, 503, 30));
		}
		Scrape scrape = Scrape.parse(metrics.scrape(), "the lab");

		assertThat(count(scrape, "destination", "product-v1", "200")).isEqualTo(7);
		assertThat(count(scrape, "source", "product-v1", "200")).isEqualTo(7);
		assertThat(count(scrape, "destination", "product-v2", "503")).isEqualTo(5);
		assertThat(count(scrape, "source", "product-v2", "503")).isEqualTo(5);
		Figures v2 = IntervalAnalysis.analyse(new Scrape(List.of()), scrape, CanarySeries.workload("graychain", "product-v2"));
		assertThat(v2.requests()).isEqualTo(5);
		assertThat(v2.successRate()).isZero();
		Figures v1 = IntervalAnalysis.analyse(new Scrape(List.of()), scrape,
				CanarySeries.version("graychain", "product", "v1"));
		assertThat(v1.requests()).isEqualTo(7);
		assertThat(v1.successRate()).isEqualTo(100);
		// 3 ms falls in Envoy's (1, 5] bucket: the p99 interpolates inside it
		assertThat(v1.p99Millis()).isBetween(1.0, 5.0);
	}

	@Test
	void labelsAsIstioDoes() {
		metrics.completed(exchange("appa-v1", new Peer("appa-v1", "graychain", "appa", "v1"), APPB_V1,
				new Service("appb", "graychain"), 200, 1));
		Sample sample = scrapeOne("istio_requests_total", "destination");

		assertThat(sample.labels()).containsEntry("source_workload", "appa-v1")
			.containsEntry("source_app", "appa")
			.containsEntry("source_version", "v1")
			.containsEntry("destination_workload", "appb-v1")
			.containsEntry("destination_workload_namespace", "graychain")
			.containsEntry("destination_app", "appb")
			.containsEntry("destination_version", "v1")
			.containsEntry("destination_service", "appb.graychain.svc.cluster.local")
			.containsEntry("destination_service_name", "appb")
			.containsEntry("destination_service_namespace", "graychain")
			.containsEntry("response_code", "200")
			.containsEntry("response_flags", "-")
			.containsEntry("request_protocol", "http")
			.containsEntry("connection_security_policy", "none");
		assertThat(sample.labels().keySet()).containsAll(IstioMetrics.LABELS);
	}

	@Test
	void aReplyTheProxyGaveItselfIsReportedOnlyByTheSource() {
		metrics.completed(new ProxyExchange("gateway", GATEWAY, Peer.UNKNOWN, Service.UNKNOWN, 404, "NR", "http", 0.2, "",
				false, "id", 0));
		Scrape scrape = Scrape.parse(metrics.scrape(), "the lab");

		assertThat(scrape.select("istio_requests_total", List.of(LabelMatcher.equal("reporter", "destination")))).isEmpty();
		assertThat(scrapeOne("istio_requests_total", "source").labels()).containsEntry("response_flags", "NR")
			.containsEntry("destination_service_name", "unknown")
			.containsEntry("source_workload", "istio-ingressgateway");
	}

	@Test
	void aMirroredCopyIsReportedOnlyByTheDestination() {
		metrics.completed(new ProxyExchange("gateway", GATEWAY, PRODUCT_V2, PRODUCT, 200, "-", "http", 1, "product-v2-0",
				true, "id", 0));
		Scrape scrape = Scrape.parse(metrics.scrape(), "the lab");

		assertThat(scrape.select("istio_requests_total", List.of(LabelMatcher.equal("reporter", "source")))).isEmpty();
		assertThat(count(scrape, "destination", "product-v2", "200")).isEqualTo(1);
	}

	@Test
	void theDurationHistogramHasEnvoysDefaultBuckets() {
		metrics.completed(exchange("gateway", GATEWAY, PRODUCT_V1, PRODUCT, 200, 7));
		List<String> bounds = Scrape.parse(metrics.scrape(), "the lab")
			.select("istio_request_duration_milliseconds_bucket", List.of(LabelMatcher.equal("reporter", "source")))
			.stream()
			.map(s -> s.label("le"))
			.toList();

		assertThat(bounds).containsExactly("0.5", "1.0", "5.0", "10.0", "25.0", "50.0", "100.0", "250.0", "500.0",
				"1000.0", "2500.0", "5000.0", "10000.0", "30000.0", "60000.0", "300000.0", "600000.0", "1800000.0",
				"3600000.0", "+Inf");
	}

	private Sample scrapeOne(String name, String reporter) {
		List<Sample> samples = Scrape.parse(metrics.scrape(), "the lab")
			.select(name, List.of(LabelMatcher.equal("reporter", reporter)));
		assertThat(samples).hasSize(1);
		return samples.get(0);
	}

	private static double count(Scrape scrape, String reporter, String workload, String code) {
		return scrape.select("istio_requests_total", List.of(LabelMatcher.equal("reporter", reporter),
				LabelMatcher.equal("destination_workload", workload), LabelMatcher.equal("response_code", code)))
			.stream()
			.mapToDouble(Sample::value)
			.sum();
	}

}
