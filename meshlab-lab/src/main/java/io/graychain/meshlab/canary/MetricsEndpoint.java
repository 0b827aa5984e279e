package io.graychain.meshlab.canary;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Scrapes an endpoint that serves metrics in Prometheus' text format (the lab's Istio metrics), for
 * {@link ScrapeMetrics}. A body over {@link #MAX_BYTES} is refused rather than read.
 */
public final class MetricsEndpoint implements Supplier<Scrape> {

	static final int MAX_BYTES = 32 * 1024 * 1024;

	private final URI url;

	private final Duration timeout;

	private final HttpClient client;

	/** Where it scrapes. */
	public URI url() {
		return url;
	}

	public MetricsEndpoint(URI url, Duration timeout) {
		if (!"http".equals(url.getScheme()) || url.getHost() == null) {
			throw new CanaryException("the metrics URL must be http://host[:port]/path, not " + url);
		}
		this.url = url;
		this.timeout = timeout;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public Scrape get() {
		return Scrape.parse(text(), url.toString());
	}

	/** The endpoint's answer, unparsed. */
	public String text() {
		HttpResponse<InputStream> response;
		try {
			response = client.send(HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "text/plain").GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new CanaryException("the metrics at " + url + " do not answer: "
					+ (ex.getMessage() == null ? "no connection" : ex.getMessage()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CanaryException("interrupted while reading the metrics at " + url, ex);
		}
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new CanaryException("the metrics at " + url + " answered " + response.statusCode());
			}
			byte[] bytes = body.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new CanaryException("the metrics at " + url + " are over " + MAX_BYTES / (1024 * 1024) + " MB");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new CanaryException("the metrics at " + url + " broke off: " + ex.getMessage(), ex);
		}
	}

}
