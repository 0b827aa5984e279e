package io.graychain.meshlab.canary;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayLoadTest {

	@Test
	void sendsTheServicesRequestsThroughTheGatewayUntilStopped() throws IOException, InterruptedException {
		try (GatewayStandIn gateway = new GatewayStandIn()) {
			GatewayLoad load = new GatewayLoad(gateway.url(), "product.graychain.local", "/product?x=1", 50,
					Duration.ofSeconds(5));

			GatewayLoad.Running running = load.start();
			boolean arrived = gateway.awaitRequest(Duration.ofSeconds(10));
			GatewayLoad.Result result = running.stop();
			int seen = gateway.requests().size();

			assertThat(arrived).isTrue();
			assertThat(gateway.requests()).allMatch(r -> r.equals("product.graychain.local /product?x=1"));
			assertThat(result.sent()).as("every request answered").isEqualTo(seen);
		}
	}

	@Test
	void refusesBadSettings() {
		URI gateway = URI.create("http://127.0.0.1:18080");
		assertThatThrownBy(() -> new GatewayLoad(gateway, "h", "/", 0, Duration.ofSeconds(1)))
			.hasMessage("--load: from 1 to 1000 requests a second, not 0");
		assertThatThrownBy(() -> new GatewayLoad(gateway, "h", "product", 10, Duration.ofSeconds(1)))
			.hasMessage("--path must start with '/', not product");
		assertThatThrownBy(() -> new GatewayLoad(URI.create("https://gw"), "h", "/", 10, Duration.ofSeconds(1)))
			.hasMessage("the gateway URL must be http://host[:port], not https://gw");
	}

}
