package io.graychain.meshlab.canary;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalAnalysisTest {

	private static final CanarySeries PRODUCT_V2 = CanarySeries.version("graychain", "product", "v2");

	@Test
	void aHealthyStepCountsOnlyTheCanarysOwnRequestsOfTheInterval() {
		Figures figures = IntervalAnalysis.analyse(Fixtures.scrape("healthy", 0), Fixtures.scrape("healthy", 1), PRODUCT_V2);

		// v2's 7 failures before the run, v1's 503s, appa's 500s and the gateway's copies are not counted
		assertThat(figures).isEqualTo(new Figures(100, 100.0, 50.0));
	}

	@Test
	void aCanaryFailingThirtyPercentHasASeventyPercentSuccessRate() {
		Figures figures = IntervalAnalysis.analyse(Fixtures.scrape("failing", 0), Fixtures.scrape("failing", 1), PRODUCT_V2);

		assertThat(figures.requests()).isEqualTo(100);
		assertThat(figures.successRate()).isEqualTo(70.0);
	}

	@Test
	void theP99ComesFromTheDurationBuckets() {
		Figures figures = IntervalAnalysis.analyse(Fixtures.scrape("slow", 0), Fixtures.scrape("slow", 1), PRODUCT_V2);

		// 50 requests in (250, 500], 45 in (500, 1000], 5 in (1000, 2500]: rank 99 is the 4th of the last 5
		assertThat(figures.successRate()).isEqualTo(100.0);
		assertThat(figures.p99Millis()).isEqualTo(1000 + 1500 * 4 / 5.0);
	}

	@Test
	void flaggersWorkloadSelectionFindsTheSameRequests() {
		CanarySeries workload = CanarySeries.workload("graychain", "product-v2");

		Figures figures = IntervalAnalysis.analyse(Fixtures.scrape("failing", 0), Fixtures.scrape("failing", 1), workload);

		assertThat(figures.successRate()).isEqualTo(70.0);
		assertThat(workload.promql())
			.isEqualTo("reporter=\"destination\",destination_workload_namespace=\"graychain\",destination_workload=~\"product-v2\"");
	}

	@Test
	void noRequestToTheCanaryIsNoData() {
		Scrape scrape = Fixtures.scrape("healthy", 1);

		Figures figures = IntervalAnalysis.analyse(scrape, scrape, PRODUCT_V2);

		assertThat(figures.requests()).isZero();
		assertThat(figures.hasData()).isFalse();
		assertThat(figures.p99Millis()).isNaN();
		assertThat(figures).hasToString("requests 0, success rate -, p99 -");
	}

	@Test
	void aCounterResetCountsFromZeroAndANewSeriesFromZero() {
		Map<String, String> ok = Map.of("reporter", "destination", "destination_service_namespace", "graychain",
				"destination_service_name", "product", "destination_version", "v2", "response_code", "200");
		Map<String, String> failed = Map.of("reporter", "destination", "destination_service_namespace", "graychain",
				"destination_service_name", "product", "destination_version", "v2", "response_code", "503");
		Scrape start = new Scrape(List.of(new Sample(IntervalAnalysis.REQUESTS, ok, 1000)));
		Scrape end = new Scrape(List.of(new Sample(IntervalAnalysis.REQUESTS, ok, 45),
				new Sample(IntervalAnalysis.REQUESTS, failed, 5)));

		Figures figures = IntervalAnalysis.analyse(start, end, PRODUCT_V2);

		assertThat(figures.requests()).isEqualTo(50);
		assertThat(figures.successRate()).isEqualTo(90.0);
	}

}
