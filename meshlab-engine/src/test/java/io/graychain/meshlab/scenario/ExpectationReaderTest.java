package io.graychain.meshlab.scenario;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import io.graychain.meshlab.kustomize.ManifestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectationReaderTest {

	@TempDir
	Path dir;

	private Path write(String yaml) throws Exception {
		return Files.writeString(dir.resolve("expect.yaml"), yaml);
	}

	@Test
	void readsRequestsWithCookiesInOrderAndShares() throws Exception {
		Expectation expectation = ExpectationReader.read(write("""
				goal: Test.
				crossedChains: forbidden
				requests:
				  - name: tester
				    entry: gateway
				    host: frontend.graychain.local
				    cookies: {a: "1", user: tester}
				    query: {city: Berlin}
				    shares: {"frontend:v1": 12.5, "frontend:v2": 87.5}
				"""));
		ExpectedRequest request = expectation.requests().get(0);
		assertThat(expectation.crossedChains()).isEqualTo(Expectation.CrossedChains.FORBIDDEN);
		assertThat(request.toRequest().header("cookie")).isEqualTo("a=1; user=tester");
		assertThat(request.toRequest().path()).isEqualTo("/");
		assertThat(request.shares()).containsEntry("frontend:v1", new BigDecimal("12.5"));
		assertThat(request.atGateway()).isTrue();
	}

	@Test
	void failsOnUnknownFieldsAndOnRequestsWithoutExpectation() throws Exception {
		assertThatThrownBy(() -> ExpectationReader.read(write("goal: x\nrequests: []\nextra: 1\n")))
			.isInstanceOf(ManifestException.class).hasMessageContaining("extra");
		assertThatThrownBy(() -> ExpectationReader.read(write("""
				goal: x
				requests: [{name: a, entry: gateway, host: h}]
				"""))).hasMessageContaining("neither chain nor shares");
		assertThatThrownBy(() -> ExpectationReader.read(write("""
				goal: x
				requests: [{name: a, entry: gateway, host: h, chain: "a:v1", shares: {"a:v1": 100}}]
				"""))).hasMessageContaining("both");
	}

	@Test
	void readsStatusesWithSomeAndLatencyBoundsAndARequestWithStatusesAlone() throws Exception {
		Expectation expectation = ExpectationReader.read(write("""
				goal: Test.
				environment: {product-v2: {GRAYCHAIN_MISBEHAVE_ERROR_PERCENT: "30"}}
				requests:
				  - name: aborted
				    entry: gateway
				    host: appa.graychain.local
				    statuses: {"200": 80, "503": some}
				    latency: {atLeast: 1500ms, below: 2s}
				"""));
		ExpectedRequest request = expectation.requests().get(0);
		assertThat(request.statuses().shares()).containsEntry(200, new BigDecimal("80"));
		assertThat(request.statuses().some()).containsExactly(503);
		assertThat(request.statuses().single()).isFalse();
		assertThat(request.latency().atLeast()).isEqualTo(java.time.Duration.ofMillis(1500));
		assertThat(request.latency().holds(java.time.Duration.ofMillis(1999))).isTrue();
		assertThat(request.latency().holds(java.time.Duration.ofSeconds(2))).isFalse();
		assertThat(expectation.environment()).containsKey("product-v2");
	}

	@Test
	void badStatusesAndLatencyAreOneLineErrors() throws Exception {
		String head = "goal: x\nrequests: [{name: a, entry: gateway, host: h, ";
		assertThatThrownBy(() -> ExpectationReader.read(write(head + "statuses: {\"200\": 90}}]\n")))
			.isInstanceOf(ManifestException.class).hasMessageEndingWith("statuses: the shares add up to 90%, not 100%");
		assertThatThrownBy(() -> ExpectationReader.read(write(head + "statuses: {\"2000\": 100}}]\n")))
			.hasMessageContaining("'2000' is no HTTP status");
		assertThatThrownBy(() -> ExpectationReader.read(write(head + "statuses: {\"200\": many}}]\n")))
			.hasMessageContaining("'many' for 200 is neither a percentage nor 'some'");
		assertThatThrownBy(() -> ExpectationReader.read(write(head + "chain: a:v1, latency: {atLeast: soon}}]\n")))
			.hasMessageContaining("atLeast 'soon' is no duration");
		assertThatThrownBy(() -> ExpectationReader.read(write(head + "chain: a:v1, latency: {atLeast: 2s, below: 1s}}]\n")))
			.hasMessageContaining("atLeast 2s is not below 1s");
		assertThatThrownBy(() -> ExpectationReader.read(write(head + "chain: a:v1, latency: {atMost: 2s}}]\n")))
			.hasMessageContaining("latency: give atLeast, below or both");
	}

	@Test
	void readsALoadStepWithStatusesAndRefusesUnboundedOnes() throws Exception {
		ExpectedRequest request = ExpectationReader.read(write("""
				goal: x
				requests: [{name: a, entry: gateway, host: h, chain: "a:v1", concurrency: 20, count: 200, statuses: {"200": some, "503": 10}}]
				""")).requests().get(0);
		assertThat(request.loadStep()).contains(new LoadStep(20, 200));
		assertThat(request.statuses().some()).containsExactly(200);
		assertThat(request.statuses().shares()).containsEntry(503, new BigDecimal("10"));
		assertThat(ExpectationReader.read(write("""
				goal: x
				requests: [{name: a, entry: gateway, host: h, chain: "a:v1"}]
				""")).requests().get(0).loadStep()).isEmpty();
		assertThatThrownBy(() -> ExpectationReader.read(write("""
				goal: x
				requests: [{name: a, entry: gateway, host: h, chain: "a:v1", concurrency: 65}]
				"""))).isInstanceOf(ManifestException.class).hasMessageContaining("concurrency 65 is not within 1 to 64");
		assertThatThrownBy(() -> ExpectationReader.read(write("""
				goal: x
				requests: [{name: a, entry: gateway, host: h, chain: "a:v1", concurrency: 4, count: 5000}]
				"""))).hasMessageContaining("count 5000 is not within concurrency (4) to 2000");
		assertThatThrownBy(() -> ExpectationReader.read(write("""
				goal: x
				requests: [{name: a, entry: gateway, host: h, chain: "a:v1", concurrency: 4, latency: {below: 2s}}]
				"""))).hasMessageContaining("a load step (concurrency) checks statuses and chains only");
	}

}
