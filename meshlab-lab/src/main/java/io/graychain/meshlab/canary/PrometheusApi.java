package io.graychain.meshlab.canary;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs an instant query on Prometheus' HTTP API ({@code GET <base>/api/v1/query?query=...}) and reads
 * one number from it, as Flagger's PrometheusProvider.RunQuery does (fluxcd/flagger
 * pkg/metrics/providers/prometheus.go, commit 15bd6ad555e6c935da55f0ab95977be74c149bd6): the base URL's
 * path is kept, a status of 400 or more is an error, the result must be a vector (of several series the
 * last one counts), and an empty vector or NaN is "no values found", here an empty answer.
 */
public final class PrometheusApi {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int MAX_ERROR_CHARS = 200;

	private final URI base;

	private final HttpClient client;

	private final Duration timeout;

	/**
	 * @param base Prometheus' URL, e.g. {@code http://prometheus.istio-system:9090}
	 * @param timeout how long one query may take
	 */
	public PrometheusApi(URI base, Duration timeout) {
		if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
			throw new CanaryException("Prometheus URL must be http(s)://host[:port][/path], not " + base);
		}
		this.base = base;
		this.timeout = timeout;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/** The value of {@code promql}; empty when Prometheus has no value for it (no data). */
	public OptionalDouble query(String promql) {
		String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
		String url = base.getScheme() + "://" + base.getRawAuthority() + (path.endsWith("/") ? path : path + "/")
				+ "api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
		HttpResponse<String> response;
		try {
			response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new CanaryException("Prometheus at " + base + " does not answer: " + describe(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CanaryException("interrupted while querying Prometheus at " + base, ex);
		}
		return value(response);
	}

	private OptionalDouble value(HttpResponse<String> response) {
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (IOException ex) {
			body = null;
		}
		if (response.statusCode() >= 400) {
			String error = body == null ? shorten(response.body()) : body.path("error").asText(shorten(response.body()));
			throw new CanaryException("Prometheus at " + base + " answered " + response.statusCode() + ": " + error);
		}
		if (body == null || !body.path("data").isObject()) {
			throw new CanaryException("Prometheus at " + base + " answered something that is not its API's JSON");
		}
		String type = body.path("data").path("resultType").asText();
		if (!type.equals("vector")) {
			throw new CanaryException("Prometheus at " + base + " answered a " + type + ", not one value (a vector)");
		}
		Double value = null;
		for (JsonNode series : body.path("data").path("result")) {
			value = Floats.parse(series.path("value").path(1).asText());
			if (value == null) {
				throw new CanaryException("Prometheus at " + base + " answered a value that is not a number: "
						+ shorten(series.path("value").toString()));
			}
		}
		return value == null || value.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(value);
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		return message == null || message.isBlank() ? "no connection" : message;
	}

	private static String shorten(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS) + "...";
	}

}
