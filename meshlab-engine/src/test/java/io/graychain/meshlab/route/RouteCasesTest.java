package io.graychain.meshlab.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.testing.Mesh;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route engine's semantics, table-driven: every case of src/test/resources/route-cases/*.yaml
 * (VirtualServices) and src/test/resources/gateway-api-cases/*.yaml (Gateway API HTTPRoutes, each
 * file's {@code base} applied before every case's rules), each naming the Istio, Envoy or Gateway API
 * source or conformance test it follows (docs/route-engine.md lists them).
 */
class RouteCasesTest {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	static Stream<Arguments> cases() {
		List<Arguments> out = new ArrayList<>();
		for (Path file : files()) {
			try {
				// SnakeYAML resolves the anchors (&name, *name) the files share rules with
				JsonNode root = YAML.valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(file)));
				String base = root.path("base").asText("");
				for (JsonNode c : root.path("cases")) {
					RouteCase read = YAML.treeToValue(c, RouteCase.class);
					RouteCase routeCase = base.isEmpty() ? read : new RouteCase(read.name(), read.source(),
							base + (read.rules() == null ? "" : "---\n" + read.rules()), read.from(), read.request(), read.expect());
					out.add(Arguments.of(Named.of(file.getFileName() + ": " + routeCase.name(), routeCase)));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
			}
		}
		return out.stream();
	}

	@Test
	void thereAreAtLeastSixtyCasesEachNamingItsSource() {
		List<RouteCase> all = cases().map(a -> (RouteCase) ((Named<?>) a.get()[0]).getPayload()).toList();
		assertThat(all).hasSizeGreaterThanOrEqualTo(60);
		assertThat(all).allSatisfy(c -> assertThat(c.source()).containsAnyOf("istio ", "envoy ", "RFC ", "gateway-api "));
	}

	@Test
	void docsRouteEngineListsEveryCaseWithItsSource() throws IOException {
		String table = Files.readString(io.graychain.meshlab.testing.Tools.repo().resolve("docs/route-engine.md"));
		List<RouteCase> all = cases().map(a -> (RouteCase) ((Named<?>) a.get()[0]).getPayload()).toList();
		assertThat(all).allSatisfy(c -> assertThat(table).contains("| " + c.name() + " | " + c.source().replace("|", "\\|") + " |"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void engineAnswersAsIstioAndEnvoyDo(RouteCase c) {
		MeshConfig config = Mesh.of();
		if (c.rules() != null) {
			MeshLoader loader = new MeshLoader().read(c.rules(), "case.yaml");
			assertThat(loader.problems()).as("rules read").isEmpty();
			config = config.apply(loader.resources());
		}
		RouteEngine engine = new RouteEngine(config);
		Source source = c.from() == null || c.from().equals("gateway") ? engine.source("graychain-gateway") : engine.source(c.from());
		Decision decision = engine.decide(request(c.request()), source);
		String trace = decision.reason() + " " + decision.passedOver();
		assertThat(decision.status()).as(trace).isEqualTo(c.expect().status());
		if (c.expect().to() != null) {
			Map<String, BigDecimal> actual = new TreeMap<>();
			decision.destinations().stream().filter(WeightedDestination::available)
				.forEach(d -> actual.merge(d.workload().name(), d.share().percent(), BigDecimal::add));
			Map<String, BigDecimal> expected = new TreeMap<>();
			c.expect().to().forEach((k, v) -> expected.put(k, v.setScale(4, RoundingMode.HALF_UP)));
			actual.replaceAll((k, v) -> v.setScale(4, RoundingMode.HALF_UP));
			assertThat(actual).as(trace).isEqualTo(expected);
		}
		if (c.expect().route() != null) {
			String decided = decision.route() != null ? decision.route().describe()
					: decision.ruleRef() != null ? decision.ruleRef().describe() : null;
			assertThat(decided).as(trace).isNotNull().startsWith(c.expect().route());
		}
		if (c.expect().policy() != null) {
			assertThat(decision.policy().describe()).as(trace).containsExactlyElementsOf(c.expect().policy());
		}
		if (c.expect().passed() != null) {
			assertThat(decision.passedOver()).as(trace).anySatisfy(p -> assertThat(p.reason()).contains(c.expect().passed()));
		}
	}

	private static HttpRequest request(RouteCase.Request r) {
		HttpRequest parsed = HttpRequest.get(r.host(), r.path() == null ? "/" : r.path());
		HttpRequest request = new HttpRequest(r.host(), parsed.path(), r.method() == null ? "GET" : r.method(),
				r.headers() == null ? Map.of() : r.headers(), parsed.query());
		if (r.cookies() != null) {
			for (Map.Entry<String, String> cookie : r.cookies().entrySet()) {
				request = request.withCookie(cookie.getKey(), cookie.getValue());
			}
		}
		return request;
	}

	private static List<Path> files() {
		List<Path> out = new ArrayList<>();
		for (String folder : List.of("/route-cases", "/gateway-api-cases")) {
			try (Stream<Path> list = Files.list(Path.of(RouteCasesTest.class.getResource(folder).toURI()))) {
				out.addAll(list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
			}
			catch (IOException | URISyntaxException ex) {
				throw new IllegalStateException("cannot list " + folder, ex);
			}
		}
		return out;
	}

}
