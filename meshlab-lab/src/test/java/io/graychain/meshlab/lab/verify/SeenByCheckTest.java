package io.graychain.meshlab.lab.verify;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.graychain.meshlab.canary.Scrape;
import io.graychain.meshlab.scenario.ExpectedRequest;
import io.graychain.meshlab.scenario.SeenBy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code seenBy}: a version's own request count per request sent, checked before and after. */
class SeenByCheckTest {

	private final Map<String, Long> counts = new ConcurrentHashMap<>(Map.of("product:v1", 10L, "product:v2", 4L));

	private final ServedCounts served = (app, version) -> counts.get(app + ":" + version);

	private final ExpectedRequest darkLaunch = request(Map.of("product:v1", BigDecimal.valueOf(100), "product:v2", BigDecimal.valueOf(100)));

	private final LiveReport.Result chainsOk = new LiveReport.Result("r", LiveReport.Outcome.OK, List.of("  product:v1 20/20"));

	@Test
	void everyCopyCountedPasses() {
		SeenByCheck check = new SeenByCheck(served, null);
		Map<String, Long> before = check.before(darkLaunch);
		counts.merge("product:v1", 20L, Long::sum);
		counts.merge("product:v2", 20L, Long::sum);

		LiveReport.Result result = check.check(darkLaunch, before, 20, 0.001, chainsOk);

		assertThat(result.outcome()).as(result.lines().toString()).isEqualTo(LiveReport.Outcome.OK);
		assertThat(result.lines()).anyMatch(l -> l.contains("seen by product:v2") && l.contains("20/20"));
	}

	@Test
	void aVersionThatSawNoCopyFails() {
		SeenByCheck check = new SeenByCheck(served, null);
		Map<String, Long> before = check.before(darkLaunch);
		counts.merge("product:v1", 20L, Long::sum);

		LiveReport.Result result = check.check(darkLaunch, before, 20, 0.001, chainsOk);

		assertThat(result.outcome()).isEqualTo(LiveReport.Outcome.FAIL);
		assertThat(result.lines()).anyMatch(l -> l.startsWith("x seen by product:v2") && l.contains("0/20"));
	}

	@Test
	void whereNoCountCanBeReadItSaysSoByName() {
		SeenByCheck check = new SeenByCheck(null, "seenBy is checked in the lab only");

		LiveReport.Result result = check.check(darkLaunch, check.before(darkLaunch), 20, 0.001, chainsOk);

		assertThat(result.outcome()).isEqualTo(LiveReport.Outcome.OK);
		assertThat(result.lines()).contains("- seenBy not checked: seenBy is checked in the lab only");
	}

	/** A version's count is Micrometer's request counter of its own app and version, the actuator's own requests left out. */
	@Test
	void aPodsCountLeavesTheActuatorOut() throws IOException {
		String text = new String(getClass().getResourceAsStream("product-v2-actuator-prometheus.txt").readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(PodMetrics.count(Scrape.parse(text, "product-v2-0"), "product", "v2")).isEqualTo(40);
	}

	@Test
	void aVersionIsNamedAppColonVersionWithAPercent() {
		assertThatThrownBy(() -> new SeenBy(Map.of("product-v2", BigDecimal.TEN))).hasMessageContaining("no app:version");
		assertThatThrownBy(() -> new SeenBy(Map.of("product:v2", BigDecimal.valueOf(101)))).hasMessageContaining("0 to 100");
	}

	private static ExpectedRequest request(Map<String, BigDecimal> seenBy) {
		return new ExpectedRequest("r", "gateway", "product.graychain.local", "/product", null, null, null, "product:v1", null, null, null,
				new SeenBy(new java.util.LinkedHashMap<>(seenBy)), null, null);
	}

}
