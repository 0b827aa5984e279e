package io.graychain.meshlab.canary;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalDouble;

import io.graychain.meshlab.canary.PrometheusStandIn.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Prometheus client against a loopback stand-in answering recorded JSON. */
class PrometheusApiTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void runsFlaggersQueriesAndReadsTheirValues() throws IOException {
		try (PrometheusStandIn prometheus = new PrometheusStandIn("/prometheus", PrometheusApiTest::byQuery)) {
			PrometheusMetrics metrics = new PrometheusMetrics(new PrometheusApi(prometheus.url(), TIMEOUT), "graychain",
					"product-v2", Duration.ofSeconds(30));

			Figures figures = metrics.start().finish();

			assertThat(figures).isEqualTo(new Figures(120, 99.5, 48.75));
			assertThat(prometheus.queries()).containsExactly(
					"sum(increase(istio_requests_total{reporter=\"destination\", destination_workload_namespace=\"graychain\","
							+ " destination_workload=~\"product-v2\"}[30s]))",
					// fluxcd/flagger pkg/metrics/observers/istio.go request-success-rate, whitespace collapsed
					"sum( rate( istio_requests_total{ reporter=\"destination\", destination_workload_namespace=\"graychain\","
							+ " destination_workload=~\"product-v2\", response_code!~\"5.*\" }[30s] ) ) / sum( rate("
							+ " istio_requests_total{ reporter=\"destination\", destination_workload_namespace=\"graychain\","
							+ " destination_workload=~\"product-v2\" }[30s] ) ) * 100",
					// request-duration
					"histogram_quantile( 0.99, sum( rate( istio_request_duration_milliseconds_bucket{"
							+ " reporter=\"destination\", destination_workload_namespace=\"graychain\","
							+ " destination_workload=~\"product-v2\" }[30s] ) ) by (le) )");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "empty.json", "nan.json" })
	void noSeriesOrNaNIsNoData(String fixture) throws IOException {
		try (PrometheusStandIn prometheus = new PrometheusStandIn("", q -> new Answer(200, fixture))) {
			assertThat(new PrometheusApi(prometheus.url(), TIMEOUT).query("up")).isEmpty();
		}
	}

	@Test
	void ofSeveralSeriesTheLastCountsAsInFlagger() throws IOException {
		try (PrometheusStandIn prometheus = new PrometheusStandIn("", q -> new Answer(200, "two-series.json"))) {
			assertThat(new PrometheusApi(prometheus.url(), TIMEOUT).query("x")).isEqualTo(OptionalDouble.of(34));
		}
	}

	@Test
	void anErrorAnswerIsOneClearLine() throws IOException {
		try (PrometheusStandIn prometheus = new PrometheusStandIn("", q -> new Answer(400, "bad-query.json"))) {
			PrometheusApi api = new PrometheusApi(prometheus.url(), TIMEOUT);

			assertThatThrownBy(() -> api.query("sum(}")).isInstanceOf(CanaryException.class)
				.hasMessage("Prometheus at " + prometheus.url() + " answered 400: invalid parameter \"query\": 1:8: "
						+ "parse error: unexpected \"}\"");
		}
	}

	@Test
	void aRangeIsNotOneValue() throws IOException {
		try (PrometheusStandIn prometheus = new PrometheusStandIn("", q -> new Answer(200, "matrix.json"))) {
			PrometheusApi api = new PrometheusApi(prometheus.url(), TIMEOUT);

			assertThatThrownBy(() -> api.query("up[1m]"))
				.hasMessage("Prometheus at " + prometheus.url() + " answered a matrix, not one value (a vector)");
		}
	}

	@Test
	void aPrometheusThatDoesNotAnswerIsOneClearLine() throws IOException {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		PrometheusApi api = new PrometheusApi(closed, TIMEOUT);

		assertThatThrownBy(() -> api.query("up")).isInstanceOf(CanaryException.class)
			.hasMessageStartingWith("Prometheus at " + closed + " does not answer: ")
			.hasMessageNotContaining("Exception");
	}

	@Test
	void refusesAUrlThatIsNotHttp() {
		assertThatThrownBy(() -> new PrometheusApi(URI.create("prometheus:9090"), TIMEOUT))
			.hasMessage("Prometheus URL must be http(s)://host[:port][/path], not prometheus:9090");
	}

	private static Answer byQuery(String query) {
		if (query.startsWith("sum(increase")) {
			return new Answer(200, "requests.json");
		}
		return new Answer(200, query.startsWith("histogram_quantile") ? "duration.json" : "success-rate.json");
	}

}
