package io.graychain.meshlab.manifests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.graychain.meshlab.analyze.Analyzer;
import io.graychain.meshlab.mesh.MeshLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opt-in progressive-delivery components (k8s/components/flagger and argo-rollouts), applied on
 * top of the v2 overlay as k8s/examples/ does: every field they set is one the engines' CRDs define,
 * with the right type ({@link CrdFields}), and each engine is the only owner of what it drives.
 * (Both examples also build with meshlab's own kustomize: KustomizerParityTest walks all of k8s/.)
 */
class ProgressiveDeliveryManifestsTest {

	private static final String FLAGGER = "k8s/examples/flagger";

	private static final String ARGO = "k8s/examples/argo-rollouts";

	private static final List<String> ENTRY_SERVICES = List.of("appa", "frontend", "product");

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	@Test
	void everyFieldOfTheCanariesIsOneFlaggersCrdDefines() {
		List<ObjectNode> canaries = render(FLAGGER).ofKind("Canary");

		assertThat(canaries).extracting(c -> c.at("/metadata/name").asText())
			.containsExactlyInAnyOrderElementsOf(ENTRY_SERVICES);
		assertThat(canaries).allSatisfy(c -> assertThat(CrdFields.FLAGGER_CANARY.violations(c)).isEmpty());
	}

	@Test
	void everyFieldOfTheRolloutsAndTheAnalysisIsOneArgoRolloutsCrdsDefine() {
		Rendered rendered = render(ARGO);

		assertThat(rendered.ofKind("Rollout")).extracting(r -> r.at("/metadata/name").asText())
			.containsExactlyInAnyOrderElementsOf(ENTRY_SERVICES);
		assertThat(rendered.ofKind("Rollout"))
			.allSatisfy(r -> assertThat(CrdFields.ARGO_ROLLOUT.violations(r)).isEmpty());
		assertThat(rendered.ofKind("AnalysisTemplate")).hasSize(1)
			.allSatisfy(t -> assertThat(CrdFields.ARGO_ANALYSIS_TEMPLATE.violations(t)).isEmpty());
	}

	@Test
	void aFieldTheCrdDoesNotDefineOrAValueOfTheWrongTypeFails() {
		ObjectNode canary = render(FLAGGER).named("Canary", "product");

		assertThat(violations(canary, c -> ((ObjectNode) c.at("/spec/analysis")).putArray("stepWeigths").add(10)))
			.containsExactly("Canary spec.analysis.stepWeigths: not a field of the CRD");
		assertThat(violations(canary, c -> ((ObjectNode) c.at("/spec/service")).put("port", "7000")))
			.containsExactly("Canary spec.service.port: \"7000\" is not NUMBER");
		assertThat(violations(canary, c -> ((ObjectNode) c.at("/spec")).put("provider", "istoi")))
			.singleElement().asString().startsWith("Canary spec.provider: \"istoi\" is not one of [apisix");
		assertThat(violations(canary, c -> ((ObjectNode) c.at("/spec/targetRef")).remove("name")))
			.containsExactly("Canary spec.targetRef.name: required by the CRD, missing");
		assertThat(violations(canary, c -> ((ObjectNode) c.at("/spec/service")).putObject("hosts")))
			.containsExactly("Canary spec.service.hosts: an object where the CRD has a list");
		assertThat(violations(canary, c -> ((ObjectNode) c.at("/spec/analysis")).put("stepWeights", 10)))
			.containsExactly("Canary spec.analysis.stepWeights: a value (10) where the CRD has a list");

		ObjectNode rollout = render(ARGO).named("Rollout", "product");
		assertThat(violations(rollout, r -> ((ObjectNode) r.at("/spec/strategy/canary/steps/0")).put("setWeight", 10.5)))
			.containsExactly("Rollout spec.strategy.canary.steps[].setWeight: 10.5 is not INTEGER");
		assertThat(violations(rollout, r -> ((ObjectNode) r.at("/spec/strategy/canary/trafficRouting/istio"))
			.putObject("destinationRules"))).containsExactly(
					"Rollout spec.strategy.canary.trafficRouting.istio.destinationRules: not a field of the CRD");
	}

	@Test
	void flaggerAloneOwnsTheServicesRoutesAndWorkloadsItGenerates() {
		Rendered rendered = render(FLAGGER);
		for (ObjectNode canary : rendered.ofKind("Canary")) {
			String service = canary.at("/spec/service/name").asText();
			String target = canary.at("/spec/targetRef/name").asText();
			assertThat(canary.at("/spec/provider").asText()).isEqualTo("istio");
			assertThat(names(canary.at("/spec/analysis/metrics"), "name"))
				.containsExactly("request-success-rate", "request-duration");
			assertThat(names(canary.at("/spec/analysis/webhooks"), "type")).contains("rollout");

			ObjectNode deployment = rendered.named("Deployment", target);
			JsonNode selector = deployment.at("/spec/selector/matchLabels");
			assertThat(fieldNames(selector)).as("%s selects by app alone", target).containsExactly("app");
			assertThat(rendered.podsLabelled("app", selector.get("app").asText()))
				.as("workloads behind Flagger's %s-canary Service", service).containsExactly(target);
			for (String generated : List.of(service, service + "-primary", service + "-canary")) {
				for (String kind : List.of("Service", "VirtualService", "DestinationRule")) {
					assertThat(rendered.find(kind, generated)).as("%s %s is Flagger's", kind, generated).isEmpty();
				}
			}
			assertThat(rendered.find("Deployment", target + "-primary")).isEmpty();
			for (JsonNode host : canary.at("/spec/service/hosts")) {
				assertThat(rendered.ofKind("VirtualService")).as("another VirtualService for %s", host)
					.noneMatch(vs -> contains(vs.at("/spec/hosts"), host.asText()));
			}
			assertThat(StreamSupport.stream(canary.at("/spec/service/gateways").spliterator(), false).map(JsonNode::asText)
				.filter(g -> !g.equals("mesh"))).allSatisfy(g -> assertThat(rendered.find("Gateway", g)).isPresent());
		}
	}

	@Test
	void argoRolloutsShiftsTheSuitesOwnRouteBetweenTheStableAndCanarySubsets() {
		Rendered rendered = render(ARGO);
		ObjectNode template = rendered.named("AnalysisTemplate", "graychain-canary");
		for (ObjectNode rollout : rendered.ofKind("Rollout")) {
			String name = rollout.at("/metadata/name").asText();
			JsonNode istio = rollout.at("/spec/strategy/canary/trafficRouting/istio");
			String target = rollout.at("/spec/workloadRef/name").asText();

			ObjectNode deployment = rendered.named("Deployment", target);
			assertThat(fieldNames(deployment.at("/spec/selector/matchLabels"))).containsExactly("app");
			assertThat(rendered.podsLabelled("app", name)).as("workloads of %s besides the Rollout's", name)
				.containsExactly(target);

			ObjectNode virtualService = rendered.named("VirtualService", istio.at("/virtualService/name").asText());
			JsonNode routes = virtualService.at("/spec/http");
			assertThat(names(routes, "name")).containsExactlyElementsOf(names(istio.at("/virtualService/routes"), null));
			JsonNode destinations = routes.get(0).get("route");
			assertThat(destinations).hasSize(2);
			assertThat(destinations).extracting(d -> d.at("/destination/host").asText()).containsOnly(name);
			assertThat(destinations).extracting(d -> d.at("/destination/subset").asText())
				.containsExactly(istio.at("/destinationRule/stableSubsetName").asText(),
						istio.at("/destinationRule/canarySubsetName").asText());
			assertThat(destinations).extracting(d -> d.get("weight").asInt()).containsExactly(100, 0);

			ObjectNode rule = rendered.named("DestinationRule", istio.at("/destinationRule/name").asText());
			assertThat(rule.at("/spec/host").asText()).isEqualTo(name);
			assertThat(names(rule.at("/spec/subsets"), "name")).containsExactly("stable", "canary");

			JsonNode analysis = rollout.at("/spec/strategy/canary/analysis");
			assertThat(names(analysis.get("templates"), "templateName")).containsExactly("graychain-canary");
			assertThat(names(analysis.get("args"), "name"))
				.containsExactlyInAnyOrderElementsOf(names(template.at("/spec/args"), "name"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { FLAGGER, ARGO })
	void whatStaysOfGraychainsOwnObjectsReadsStrictlyAndAnalyzesClean(String dir) throws IOException {
		List<ObjectNode> kubernetesAndIstio = render(dir).resources().stream()
			.filter(r -> !r.path("apiVersion").asText().startsWith("flagger.app/")
					&& !r.path("apiVersion").asText().startsWith("argoproj.io/"))
			.toList();
		StringBuilder yaml = new StringBuilder();
		for (ObjectNode resource : kubernetesAndIstio) {
			yaml.append("---\n").append(YAML.writeValueAsString(resource));
		}

		MeshLoader loader = new MeshLoader().read(yaml.toString(), dir + " (rendered)");

		assertThat(loader.problems()).isEmpty();
		assertThat(Analyzer.analyze(loader, "graychain")).isEmpty();
	}

	private static List<String> violations(ObjectNode resource, java.util.function.Consumer<ObjectNode> change) {
		ObjectNode copy = resource.deepCopy();
		change.accept(copy);
		return (copy.get("kind").asText().equals("Canary") ? CrdFields.FLAGGER_CANARY : CrdFields.ARGO_ROLLOUT)
			.violations(copy);
	}

	private static List<String> names(JsonNode list, String field) {
		List<String> names = new ArrayList<>();
		list.forEach(item -> names.add(field == null ? item.asText() : item.path(field).asText()));
		return names;
	}

	private static Set<String> fieldNames(JsonNode object) {
		Set<String> names = new TreeSet<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static boolean contains(JsonNode list, String value) {
		return StreamSupport.stream(list.spliterator(), false).anyMatch(v -> v.asText().equals(value));
	}

	private static Rendered render(String dir) {
		String yaml = Overlays.renderer().renderYaml(Overlays.repositoryRoot().resolve(dir));
		try {
			List<ObjectNode> documents = new ArrayList<>();
			YAML.readerFor(ObjectNode.class).<ObjectNode>readValues(yaml).forEachRemaining(documents::add);
			return new Rendered(documents);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read what kubectl kustomize " + dir + " printed", ex);
		}
	}

	/** A rendered kustomization, as plain trees: custom resources have no typed model here. */
	private record Rendered(List<ObjectNode> resources) {

		List<ObjectNode> ofKind(String kind) {
			return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
		}

		Optional<ObjectNode> find(String kind, String name) {
			return ofKind(kind).stream().filter(r -> r.at("/metadata/name").asText().equals(name)).findFirst();
		}

		ObjectNode named(String kind, String name) {
			return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
		}

		/** The Deployments whose pods carry {@code label=value}. */
		List<String> podsLabelled(String label, String value) {
			return ofKind("Deployment").stream()
				.filter(d -> d.at("/spec/template/metadata/labels").path(label).asText().equals(value))
				.map(d -> d.at("/metadata/name").asText())
				.toList();
		}

	}

}
