package io.graychain.meshlab.scenario;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import io.graychain.meshlab.scenario.ApplyPlan.Step;
import io.graychain.meshlab.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order a scenario's files go onto a cluster, on a fixture whose file names sort the wrong way
 * (src/test/resources/applyplan/istio): a root VirtualService named before its delegate, a
 * DestinationRule named between them. Istio accepts a root whose delegate does not exist yet, but
 * drops the root's route that names it until the delegate comes (istio/istio
 * pilot/pkg/model/virtualservice.go, mergeVirtualServicesIfNeeded: "delegate not found, ignore only
 * the current HTTP route"), so the requests of that route fall through to the routes after it: a
 * delegate goes first and is deleted last. A route to a subset no DestinationRule defines has no
 * cluster to go to, so the subsets go first and are deleted last.
 */
class ApplyPlanTest {

	static final Path ISTIO = fixture();

	static final ApplyPlan PLAN = new ApplyPlan(ISTIO);

	static final Path REVERSED = ISTIO.resolve("scenarios/reversed-names");

	static final Path NEW_ROOT = ISTIO.resolve("scenarios/new-root");

	static Path fixture() {
		try {
			return Path.of(ApplyPlanTest.class.getResource("/applyplan/istio").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aScenarioIsItsYamlWithoutExpectationAndReadmeDestinationRulesFirstDelegatesBeforeRoots() {
		assertThat(ApplyPlan.files(REVERSED)).containsExactly(REVERSED.resolve("m-destination-rule.yaml"),
				REVERSED.resolve("z-split.yaml"), REVERSED.resolve("a-root.yaml"));
		assertThat(new Scenario("reversed-names", REVERSED).istioFiles()).isEqualTo(ApplyPlan.files(REVERSED));
	}

	@Test
	void applySubsetsAndWaitThenDelegateThenRootThenOtherScenariosUndoneRootFirst() {
		List<Step> steps = PLAN.apply(PLAN.scenario("reversed-names"));

		assertThat(steps).containsExactly(new Step.Apply(ISTIO.resolve("destination-rules/appa.yaml")),
				new Step.Apply(REVERSED.resolve("m-destination-rule.yaml")),
				new Step.Wait(ISTIO.resolve("destination-rules/appa.yaml"), "appa"),
				new Step.Wait(REVERSED.resolve("m-destination-rule.yaml"), "appa-v3"),
				new Step.Apply(REVERSED.resolve("z-split.yaml")), new Step.Apply(REVERSED.resolve("a-root.yaml")),
				new Step.Delete(NEW_ROOT.resolve("b-root.yaml")), new Step.Delete(NEW_ROOT.resolve("a-split.yaml")));
	}

	@Test
	void removeRestoresTheReplacedBaselineRootBeforeDeletingTheDelegateThenTheSubsets() {
		assertThat(PLAN.remove(PLAN.scenario("reversed-names"))).containsExactly(
				new Step.Apply(ISTIO.resolve("baseline/virtual-service-appa-v1.yaml")),
				new Step.Delete(REVERSED.resolve("z-split.yaml")), new Step.Delete(REVERSED.resolve("m-destination-rule.yaml")));
	}

	@Test
	void removeDeletesAnAddedRootBeforeItsDelegate() {
		assertThat(PLAN.remove(PLAN.scenario("new-root"))).containsExactly(new Step.Delete(NEW_ROOT.resolve("b-root.yaml")),
				new Step.Delete(NEW_ROOT.resolve("a-split.yaml")));
	}

	@Test
	void resetAppliesSubsetsAndTheBaselineThenDeletesWhatScenariosAdded() {
		assertThat(PLAN.reset()).containsExactly(new Step.Apply(ISTIO.resolve("destination-rules/appa.yaml")),
				new Step.Wait(ISTIO.resolve("destination-rules/appa.yaml"), "appa"),
				new Step.Apply(ISTIO.resolve("baseline/virtual-service-appa-v1.yaml")),
				new Step.Delete(NEW_ROOT.resolve("b-root.yaml")), new Step.Delete(NEW_ROOT.resolve("a-split.yaml")),
				new Step.Delete(REVERSED.resolve("z-split.yaml")), new Step.Delete(REVERSED.resolve("m-destination-rule.yaml")));
	}

	@Test
	void unknownScenariosAndMissingTwinsAreRefusedByName() {
		assertThatThrownBy(() -> PLAN.scenario("nope")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("no scenario 'nope' (scripts/scenario list shows them)");
		assertThatThrownBy(() -> PLAN.scenario("../baseline")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PLAN.applyGatewayApi(PLAN.scenario("new-root"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("scenario 'new-root' has no Gateway API twin");
	}

	static List<Scenario> shipped() {
		return Scenario.all(Tools.repo().resolve("istio/scenarios"));
	}

	/** Every shipped scenario: each delegate before the root that names it. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("shipped")
	void everyShippedDelegateComesBeforeItsRoot(Scenario scenario) {
		List<RuleFile> rules = scenario.istioFiles().stream().map(RuleFile::read).toList();
		List<String> names = rules.stream().map(RuleFile::name).toList();
		for (RuleFile rule : rules) {
			for (String delegate : rule.delegates()) {
				assertThat(names.indexOf(delegate)).as(rule.name() + " delegates to " + delegate).isBetween(0, names.indexOf(rule.name()) - 1);
			}
		}
	}

}
