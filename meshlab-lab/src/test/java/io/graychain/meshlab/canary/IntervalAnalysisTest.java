package io.graychain.meshlab.canary;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalAnalysisTest {

	private static final CanarySeries PRODUCT_V2 = CanarySeries.version("graychain", "product", "v2");

	@Test
	void aRecordedHealthyRunOfTheLabCountsV2sOwnRequestsOfEachStep() {
		// canary/lab-healthy: v1 answered the gateway's other requests, and the gateway reported every one
		// again (reporter="source"); neither is counted
		Figures step1 = IntervalAnalysis.analyse(Fixtures.recorded("healthy", 1, "start"), Fixtures.recorded("healthy", 1, "end"),
				PRODUCT_V2);
		Figures step2 = IntervalAnalysis.analyse(Fixtures.recorded("healthy", 2, "start"), Fixtures.recorded("healthy", 2, "end"),
				PRODUCT_V2);

		assertThat(step1).hasToString("requests 49, success rate 100.00%, p99 75.5 ms");
		assertThat(step2).hasToString("requests 101, success rate 100.00%, p99 25.0 ms");
	}

	@Test
	void aRecordedRunOfTheLabWithAV2FailingThirtyPercentHasItsFailures() {
		Figures figures = IntervalAnalysis.analyse(Fixtures.recorded("failing", 1, "start"),
				Fixtures.recorded("failing", 1, "end"), PRODUCT_V2);

		// 20 of 61 requests answered 500 by product-v2 (GRAYCHAIN_MISBEHAVE_ERROR_PERCENT=30)
		assertThat(figures.requests()).isEqualTo(61);
		assertThat(figures.successRate()).isEqualTo(100.0 * 41 / 61);
		assertThat(figures).hasToString("requests 61, success rate 67.21%, p99 42.4 ms");
	}

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
