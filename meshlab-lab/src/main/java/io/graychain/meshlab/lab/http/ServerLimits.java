package io.graychain.meshlab.lab.http;

import java.time.Duration;

/**
 * What one of the lab's HTTP servers accepts from a client, with Envoy's defaults: request headers
 * up to 60 KiB ({@code max_request_headers_kb}) and 100 of them ({@code max_headers_count}), both
 * answered with 431 past the limit ({@code envoy/config/core/v3/protocol.proto},
 * {@code HttpProtocolOptions}; {@code source/common/http/http1/codec_impl.cc},
 * {@code ConnectionImpl::completeLastHeader} for the count, {@code checkMaxHeadersSize} for the size).
 * A connection that sends nothing for
 * {@code idleTimeout} is closed, while it sends its headers too: a slow client holds a socket, not a
 * thread, and not for long.
 *
 * @param maxHeaderBytes the request line and headers together, in bytes
 * @param maxHeaderCount how many request headers
 * @param idleTimeout how long a connection may stay silent, headers included
 */
public record ServerLimits(int maxHeaderBytes, int maxHeaderCount, Duration idleTimeout) {

	public static final ServerLimits ENVOY = new ServerLimits(60 * 1024, 100, Duration.ofSeconds(30));

	public ServerLimits withIdleTimeout(Duration timeout) {
		return new ServerLimits(maxHeaderBytes, maxHeaderCount, timeout);
	}

}
