package io.graychain.meshlab.lab;

import java.util.List;
import java.util.Map;

import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.lab.proxy.Endpoint;
import io.graychain.meshlab.lab.proxy.Router;
import io.graychain.meshlab.route.HttpRequest;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pod replaced in a rollout ({@code scripts/lab set-env}): requests go to the new pod from then on. */
class RolloutRoutingTest {

	final Endpoint old = new Endpoint("product-v2-0", "product-v2", 20001);

	final Endpoint fresh = new Endpoint("product-v2-r2-0", "product-v2", 20002);

	final EngineRouter router = new EngineRouter(Mesh.of(ProxyTest.PRODUCT_AT_GATEWAY), Map.of("product-v2", List.of(old)));

	private Endpoint routed() {
		return router.route(Router.GATEWAY, HttpRequest.get("product.graychain.local", "/product")).endpoint();
	}

	@Test
	void afterTheSwapEveryRequestGoesToTheNewPod() {
		assertThat(routed()).isEqualTo(old);
		router.replace(old, fresh);
		for (int i = 0; i < 5; i++) {
			assertThat(routed()).isEqualTo(fresh);
		}
	}

	@Test
	void aPodThatIsNotThereCannotBeReplaced() {
		router.replace(old, fresh);
		assertThatThrownBy(() -> router.replace(old, fresh)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("product-v2-0");
		assertThatThrownBy(() -> router.replace(fresh, new Endpoint("appb-v1-0", "appb-v1", 20003)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
