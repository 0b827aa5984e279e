package io.graychain.meshlab.canary;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.graychain.meshlab.kustomize.ManifestReader;
import io.graychain.meshlab.testing.Mesh;
import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualServiceSplitTest {

	@Test
	void splitsTheBaselineOfProduct() throws IOException {
		VirtualServiceSplit split = new VirtualServiceSplit(baseline("product"), "product");

		String yaml = split.yaml("v1", "v2", 10);

		assertThat(yaml).isEqualTo(Fixtures.text("canary/virtual-service-product-10.yaml"));
		assertThat(Mesh.findings(yaml)).as("the analyzer's findings").isEmpty();
	}

	@Test
	void atZeroAndAtHundredOneSubsetTakesAll() throws IOException {
		VirtualServiceSplit split = new VirtualServiceSplit(baseline("product"), "product");

		assertThat(routes(split.yaml("v1", "v2", 0))).singleElement().satisfies(d -> {
			assertThat(d.getDestination().getSubset()).isEqualTo("v1");
			assertThat(d.getWeight()).isNull();
		});
		assertThat(routes(split.yaml("v1", "v2", 100))).singleElement()
			.satisfies(d -> assertThat(d.getDestination().getSubset()).isEqualTo("v2"));
	}

	@Test
	void keepsPinnedRoutesAndShiftsTheCatchAll() throws IOException {
		String pinning = Files.readString(
				Tools.repo().resolve("istio/scenarios/version-header-pinning/virtual-service-appa-pin-or-80-20.yaml"));

		VirtualService split = read(new VirtualServiceSplit(pinning, "appa").yaml("v1", "v2", 25));

		List<HTTPRoute> http = split.getSpec().getHttp();
		assertThat(http).extracting(HTTPRoute::getName).containsExactly("pinned-v1", "pinned-v2", "split-80-20");
		assertThat(http.get(0).getRoute()).singleElement().satisfies(d -> assertThat(d.getDestination().getSubset()).isEqualTo("v1"));
		assertThat(http.get(1).getRoute()).singleElement().satisfies(d -> assertThat(d.getDestination().getSubset()).isEqualTo("v2"));
		assertThat(http.get(2).getRoute()).extracting(d -> d.getDestination().getSubset() + "=" + d.getWeight())
			.containsExactly("v1=75", "v2=25");
		assertThat(split.getSpec().getGateways()).containsExactly("graychain-gateway", "mesh");
	}

	@Test
	void dropsWhatTheServerSetAndKeepsTheRest() {
		String live = Fixtures.text("canary/virtual-service-product-live.yaml");

		VirtualService split = read(new VirtualServiceSplit(live, "product").yaml("v1", "v2", 50));

		assertThat(split.getApiVersion()).isEqualTo("networking.istio.io/v1");
		assertThat(split.getMetadata().getNamespace()).isEqualTo("graychain");
		assertThat(split.getMetadata().getUid()).isNull();
		assertThat(split.getMetadata().getResourceVersion()).isNull();
		assertThat(split.getMetadata().getLabels()).containsEntry("team", "shop");
		assertThat(split.getMetadata().getAnnotations()).isNullOrEmpty();
		assertThat(split.getSpec().getHttp().get(0).getTimeout()).isEqualTo("2s");
		assertThat(split.getSpec().getHttp().get(0).getRoute()).allSatisfy(d -> {
			assertThat(d.getDestination().getPort().getNumber()).isEqualTo(7000);
			assertThat(d.getWeight()).isEqualTo(50);
		});
	}

	@Test
	void refusesWhatItCannotSplit() throws IOException {
		String pinnedOnly = Fixtures.text("canary/virtual-service-appb-pinned-only.yaml");
		assertThatThrownBy(() -> new VirtualServiceSplit(pinnedOnly, "appb")).isInstanceOf(CanaryException.class)
			.hasMessage("VirtualService appb has no catch-all HTTP route (without match) to appb alone: nothing to split");
		assertThatThrownBy(() -> new VirtualServiceSplit(baseline("product"), "appa"))
			.hasMessage("VirtualService product has no catch-all HTTP route (without match) to appa alone: nothing to split");
		assertThatThrownBy(() -> new VirtualServiceSplit("apiVersion: v1\nkind: Service\nmetadata: {name: product}\n", "product"))
			.hasMessage("not an Istio VirtualService: v1 Service product");
		assertThatThrownBy(() -> new VirtualServiceSplit("a: [", "product")).hasMessageStartingWith("the VirtualService is not valid YAML");
		assertThatThrownBy(() -> new VirtualServiceSplit(baseline("product"), "product").yaml("v1", "v2", 101))
			.hasMessage("a weight is from 0 to 100, not 101");
	}

	private static String baseline(String service) throws IOException {
		return Files.readString(Tools.repo().resolve("istio/baseline/virtual-service-" + service + "-v1.yaml"));
	}

	private static List<HTTPRouteDestination> routes(String yaml) {
		return read(yaml).getSpec().getHttp().get(0).getRoute();
	}

	private static VirtualService read(String yaml) {
		return ManifestReader.read(yaml, "split").all(VirtualService.class).get(0);
	}

}
