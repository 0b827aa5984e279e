package io.graychain.meshlab.lab.loop;

import io.graychain.meshlab.lab.client.ChainLine;
import io.graychain.meshlab.lab.client.OneShotHttp;

/**
 * The chain a reply shows, with the response flag of an Envoy local reply where its body tells it:
 * the circuit breaker's overflow ({@code reset reason: overflow}: UO) and no healthy upstream (UH),
 * as envoy source/common/router/router.cc writes them. Envoy sends no flags to the client; these two
 * bodies are what it does send.
 */
final class LocalReplies {

	private LocalReplies() {
	}

	static ChainLine chain(OneShotHttp.Reply reply) {
		ChainLine chain = ChainLine.of(reply);
		if (!chain.hops().isEmpty() || reply.status() != 503) {
			return chain;
		}
		String body = reply.body().strip();
		if (body.endsWith("reset reason: overflow")) {
			return new ChainLine(chain.text() + " UO");
		}
		if (body.equals("no healthy upstream")) {
			return new ChainLine(chain.text() + " UH");
		}
		return chain;
	}

}
