package io.graychain.meshlab.manifests;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.graychain.meshlab.kustomize.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Istio objects the overlays apply (from istio/) fit the workloads they ship: every host is a
 * Service, every routed subset picks running pods, every named Gateway exists.
 */
class MeshRoutesTest {

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void everyDestinationRuleIsForAServiceOfTheSuite(String overlay) {
		Manifests manifests = Overlays.render(overlay);
		assertThat(manifests.all(DestinationRule.class)).isNotEmpty().allSatisfy(rule ->
			assertThat(service(manifests, rule.getSpec().getHost())).as("DestinationRule %s: host %s",
					rule.getMetadata().getName(), rule.getSpec().getHost()).isPresent());
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void everyRoutedDestinationReachesRunningPods(String overlay) {
		Manifests manifests = Overlays.render(overlay);
		assertThat(manifests.all(VirtualService.class)).isNotEmpty();
		for (VirtualService virtualService : manifests.all(VirtualService.class)) {
			for (Destination destination : destinations(virtualService).toList()) {
				String where = "VirtualService " + virtualService.getMetadata().getName() + " -> "
						+ destination.getHost() + "/" + destination.getSubset();
				assertThat(service(manifests, destination.getHost())).as(where + ": a Service").isPresent();
				assertThat(pods(manifests, destination.getHost(), subsetLabels(manifests, destination)))
					.as(where + ": pods").isNotEmpty();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = Overlays.V2)
	void withV1AndV2DeployedEverySubsetPicksPods(String overlay) {
		Manifests manifests = Overlays.render(overlay);
		for (DestinationRule rule : manifests.all(DestinationRule.class)) {
			for (Subset subset : rule.getSpec().getSubsets()) {
				assertThat(pods(manifests, rule.getSpec().getHost(), subset.getLabels()))
					.as("DestinationRule %s subset %s", rule.getMetadata().getName(), subset.getName())
					.isNotEmpty();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Overlays.V1, Overlays.V2 })
	void everyGatewayAVirtualServiceNamesExists(String overlay) {
		Manifests manifests = Overlays.render(overlay);
		List<String> gateways = manifests.all(Gateway.class).stream().map(g -> g.getMetadata().getName()).toList();
		assertThat(manifests.all(VirtualService.class))
			.flatExtracting(vs -> Optional.ofNullable(vs.getSpec().getGateways()).orElse(List.of()))
			.filteredOn(gateway -> !gateway.equals("mesh"))
			.isNotEmpty()
			.allSatisfy(gateway -> assertThat(gateways).contains(gateway));
	}

	private static Stream<Destination> destinations(VirtualService virtualService) {
		return Optional.ofNullable(virtualService.getSpec().getHttp()).orElse(List.of()).stream()
			.flatMap(route -> Optional.ofNullable(route.getRoute()).orElse(List.of()).stream())
			.map(HTTPRouteDestination::getDestination);
	}

	/** The labels of the destination's subset (none when it names no subset); fails when it is not defined. */
	private static Map<String, String> subsetLabels(Manifests manifests, Destination destination) {
		if (destination.getSubset() == null) {
			return Map.of();
		}
		return manifests.all(DestinationRule.class).stream()
			.filter(rule -> sameService(manifests, rule.getSpec().getHost(), destination.getHost()))
			.flatMap(rule -> rule.getSpec().getSubsets().stream())
			.filter(subset -> subset.getName().equals(destination.getSubset()))
			.map(Subset::getLabels)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no DestinationRule defines subset " + destination.getSubset()
					+ " of " + destination.getHost()));
	}

	/** The Deployments whose pods both the host's Service and these labels select. */
	private static List<Deployment> pods(Manifests manifests, String host, Map<String, String> labels) {
		Service service = service(manifests, host).orElseThrow();
		return manifests.all(Deployment.class).stream()
			.filter(d -> Pods.selects(service.getSpec().getSelector(), Pods.labels(d)))
			.filter(d -> Pods.labels(d).entrySet().containsAll(labels.entrySet()))
			.toList();
	}

	private static boolean sameService(Manifests manifests, String host, String other) {
		return service(manifests, host).equals(service(manifests, other));
	}

	/** The Service a host names: {@code appa}, {@code appa.<namespace>} or its full cluster name. */
	private static Optional<Service> service(Manifests manifests, String host) {
		return manifests.all(Service.class).stream().filter(service -> {
			String name = service.getMetadata().getName();
			String namespace = service.getMetadata().getNamespace();
			return host.equals(name) || host.equals(name + "." + namespace)
					|| host.equals(name + "." + namespace + ".svc.cluster.local");
		}).findFirst();
	}

}
