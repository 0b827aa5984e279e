package io.graychain.support.errors;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a hop waits for the hop below it. The OpenFeign client timeouts are set from these in
 * {@code graychain-defaults.properties}, so error replies can quote the same numbers.
 */
@ConfigurationProperties("graychain.downstream")
public record DownstreamProperties(Duration connectTimeout, Duration readTimeout) {

	public DownstreamProperties {
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(1);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(3);
	}

}
