package io.graychain.meshlab.lab.observe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.graychain.meshlab.lab.proxy.ExchangeListener;
import io.graychain.meshlab.lab.proxy.ProxyExchange;
import io.graychain.meshlab.lab.proxy.Router;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Istio's standard HTTP metrics of the lab's proxies, as a cluster's Prometheus scrapes them from
 * each Envoy ({@code /stats/prometheus}): {@code istio_requests_total} and the histogram
 * {@code istio_request_duration_milliseconds}, labelled as Istio labels them.
 *
 * <p>Who reports what, as in Istio (istio/proxy source/extensions/filters/http/istio_stats/istio_stats.cc:
 * the filter on a client proxy's outbound listener reports {@code reporter="source"}, on a server
 * proxy's inbound listener {@code reporter="destination"}; a gateway is a client proxy): the ingress
 * gateway and the caller's sidecar report each request {@code source}; the callee's sidecar reports
 * it {@code destination}. In the lab a request goes from the caller's proxy straight to the pod, so the
 * destination report is recorded here for the callee, with the same labels, once the request reached
 * a pod ({@link ProxyExchange#upstreamPod()} set). A reply the caller's proxy gave itself (no route, no
 * healthy upstream, a fault filter abort, a pool overflow, a failed connection) reached no pod: only
 * {@code source} reports it. A mirrored copy is reported only by the callee ({@code destination}):
 * the stats filter reports from its access-log hook, {@code IstioStatsFilter::log}, which the
 * connection manager calls for the streams of its own filter chain; Envoy's shadow request is sent
 * through the cluster's async client (envoy source/common/router/shadow_writer_impl.cc
 * ShadowWriterImpl::shadow), outside that chain, so the caller reports nothing of it. The callee's
 * inbound sidecar sees an ordinary request with a {@code -shadow} Host; its destination_service is
 * still the Service, which the stats filter takes from the inbound cluster's {@code istio.services}
 * metadata before the Host (istio/proxy source/extensions/filters/http/istio_stats/istio_stats.cc
 * populatePeerInfo; istio/istio pilot/pkg/networking/core/cluster_builder.go addTelemetryMetadata).
 *
 * <p>The duration buckets are Envoy's default histogram buckets, which Istio's stats filter keeps
 * (envoyproxy/envoy source/common/stats/histogram_impl.cc, {@code HistogramStatisticsImpl::supportedBuckets}).
 */
public final class IstioMetrics implements ExchangeListener {

	/** Envoy's default histogram bucket bounds, in milliseconds. */
	static final double[] ENVOY_BUCKETS = { 0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000,
			300000, 600000, 1800000, 3600000 };

	/** Istio's standard labels of HTTP metrics (istio.io, "Istio Standard Metrics", Labels), in its order. */
	static final List<String> LABELS = List.of("reporter", "source_workload", "source_workload_namespace",
			"source_principal", "source_app", "source_version", "source_cluster", "source_canonical_service",
			"source_canonical_revision", "destination_workload", "destination_workload_namespace",
			"destination_principal", "destination_app", "destination_version", "destination_service",
			"destination_service_name", "destination_service_namespace", "destination_cluster",
			"destination_canonical_service", "destination_canonical_revision", "request_protocol", "response_code",
			"grpc_response_status", "response_flags", "connection_security_policy");

	/** Istio's cluster name when none is configured (the {@code CLUSTER_ID} of istiod: {@code Kubernetes}). */
	static final String CLUSTER = "Kubernetes";

	private final PrometheusRegistry registry = new PrometheusRegistry();

	private final Counter requests;

	private final Histogram duration;

	public IstioMetrics() {
		String[] labels = LABELS.toArray(String[]::new);
		this.requests = Counter.builder()
			.name("istio_requests_total")
			.help("Total requests, as Istio's stats filter counts them")
			.labelNames(labels)
			.register(registry);
		this.duration = Histogram.builder()
			.name("istio_request_duration_milliseconds")
			.help("Request duration in milliseconds, as Istio's stats filter measures it")
			.classicOnly()
			.classicUpperBounds(ENVOY_BUCKETS)
			.labelNames(labels)
			.register(registry);
	}

	@Override
	public void completed(ProxyExchange exchange) {
		if (!exchange.mirrored()) {
			record(exchange, "source");
		}
		if (!exchange.upstreamPod().isEmpty()) {
			record(exchange, "destination");
		}
	}

	private void record(ProxyExchange exchange, String reporter) {
		String[] values = values(exchange, reporter);
		requests.labelValues(values).inc();
		duration.labelValues(values).observe(exchange.durationMillis());
	}

	/** The label values of {@link #LABELS} for one report of {@code exchange}. */
	static String[] values(ProxyExchange exchange, String reporter) {
		ProxyExchange.Peer source = exchange.source();
		ProxyExchange.Peer destination = exchange.destination();
		ProxyExchange.Service service = exchange.service();
		boolean gateway = Router.GATEWAY.equals(exchange.reporterProxy());
		return new String[] { reporter, source.workload(), source.namespace(), "unknown", source.app(),
				source.version(), CLUSTER, source.app(), gateway ? "latest" : source.canonicalRevision(),
				destination.workload(), destination.namespace(), "unknown", destination.app(), destination.version(),
				service.fqdn(), service.name(), service.namespace(), "unknown".equals(destination.workload()) ? "unknown" : CLUSTER,
				destination.app(), "unknown".equals(destination.workload()) ? "unknown" : destination.canonicalRevision(),
				exchange.protocol(), Integer.toString(exchange.status()), "", exchange.responseFlags(),
				"destination".equals(reporter) ? "none" : "unknown" };
	}

	/** Every series in Prometheus' text format (version 0.0.4). */
	public String scrape() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PrometheusTextFormatWriter.create().write(out, registry.scrape());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/** The content type of {@link #scrape()}. */
	public static String contentType() {
		return PrometheusTextFormatWriter.CONTENT_TYPE;
	}

}
