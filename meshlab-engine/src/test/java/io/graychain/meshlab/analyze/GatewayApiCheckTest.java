package io.graychain.meshlab.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.graychain.meshlab.analyze.Finding.Code;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of the Gateway API the engine and the lab do not follow is refused by name, each with its
 * field (src/test/resources/gateway-api-refused.yaml holds one of each).
 */
class GatewayApiCheckTest {

	private static List<Finding> findings() throws IOException {
		try (InputStream in = GatewayApiCheckTest.class.getResourceAsStream("/gateway-api-refused.yaml")) {
			return Mesh.findings(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	private static Finding at(List<Finding> findings, String field) {
		return findings.stream().filter(f -> f.field().equals(field)).findFirst()
			.orElseThrow(() -> new AssertionError("no finding at " + field + " in " + findings));
	}

	@Test
	void eachRefusedFieldIsNamedAsAnError() throws IOException {
		List<Finding> findings = findings();
		assertThat(at(findings, "spec.listeners[0].allowedRoutes.namespaces.from").message()).contains("from: Selector");
		assertThat(at(findings, "spec.rules[0].filters[0].type").message()).contains("filter RequestRedirect");
		assertThat(at(findings, "spec.rules[1].filters[0].requestMirror.backendRef.namespace").message())
			.contains("needs a ReferenceGrant");
		assertThat(at(findings, "spec.rules[1].backendRefs[0].filters").message()).contains("filters on a backendRef");
		assertThat(at(findings, "spec.rules[1].backendRefs[1].namespace").message()).contains("namespace other");
		assertThat(at(findings, "spec.rules[1].sessionPersistence").message()).contains("sessionPersistence");
		assertThat(findings.stream().filter(f -> f.code() == Code.NOT_FOLLOWED)).hasSize(6)
			.allSatisfy(f -> assertThat(f.isError()).isTrue());
	}

	@Test
	void timeoutsIstioValidationRefusesAreInvalidPolicies() throws IOException {
		List<Finding> findings = findings();
		Finding longer = at(findings, "spec.rules[2].timeouts.backendRequest");
		assertThat(longer.code()).isEqualTo(Code.INVALID_POLICY);
		assertThat(longer.message()).contains("backendRequest timeout cannot be longer than request timeout");
		Finding notADuration = at(findings, "spec.rules[3].timeouts");
		assertThat(notADuration.code()).isEqualTo(Code.INVALID_POLICY);
		assertThat(notADuration.message()).isEqualTo("timeouts.request '1.5s' is no Gateway API duration (GEP-2257: e.g. 10s, 500ms, 1m30s)");
	}

	@Test
	void listenersTheLabDoesNotServeAreWarnings() throws IOException {
		List<Finding> findings = findings();
		Finding otherPort = at(findings, "spec.listeners[1].port");
		assertThat(otherPort.code()).isEqualTo(Code.LISTENER_NOT_SERVED);
		assertThat(otherPort.isError()).isFalse();
		assertThat(otherPort.message()).contains("the lab serves port 80 of this Gateway only")
			.contains("explain --from graychain-http:8080");
		assertThat(at(findings, "spec.listeners[2].protocol").message()).contains("speaks HTTPS");
	}

}
