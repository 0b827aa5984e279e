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

}
