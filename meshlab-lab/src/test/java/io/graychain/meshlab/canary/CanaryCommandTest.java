package io.graychain.meshlab.canary;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.graychain.meshlab.canary.PrometheusStandIn.Answer;
import io.graychain.meshlab.kubectl.Kubectl;
import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.FakeKubectl;
import io.graychain.support.test.FakeKubectl.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code canary --cluster} against the kubectl test double and a loopback stand-in for Prometheus. */
class CanaryCommandTest {

	private static final String GET_VS = "get virtualservice product -n graychain -o yaml";

	private static final String GET_DR = "get destinationrule product -n graychain -o yaml";

	private static final String APPLY = "apply -n graychain -f ";

	/** The stand-in's figures need no time to pass. */
	private static final Sleeper NO_WAIT = duration -> {
	};

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@Test
	void aHealthyV2IsPromotedStepByStep() throws IOException {
		FakeKubectl kubectl = cluster();
		try (PrometheusStandIn prometheus = prometheus("success-rate.json")) {
			int exit = run(kubectl, NO_WAIT, "product", "--cluster", "--no-load", "--prometheus", prometheus.url().toString());

			assertThat(exit).as(err.toString()).isEqualTo(0);
			assertThat(kubectl.calls()).hasSize(6);
			assertThat(weights(kubectl, 2)).isEqualTo("v1=90 v2=10");
			assertThat(weights(kubectl, 3)).isEqualTo("v1=75 v2=25");
			assertThat(weights(kubectl, 4)).isEqualTo("v1=50 v2=50");
			assertThat(weights(kubectl, 5)).isEqualTo("v2");
			assertThat(out.toString()).contains(
					"step 1 (10%): requests 120, success rate 99.50%, p99 48.8 ms: pass",
					"canary: promoted: all 4 steps passed");
			assertThat(prometheus.queries()).first().isEqualTo("vector(1)");
			assertThat(prometheus.queries()).anyMatch(q -> q.contains("destination_workload=~\"product-v2\""));
		}
	}

	@Test
	void aV2FailingThirtyPercentIsRolledBackAtTheFirstStep() throws IOException {
		FakeKubectl kubectl = cluster();
		try (PrometheusStandIn prometheus = prometheus("success-rate-70.json")) {
			int exit = run(kubectl, NO_WAIT, "product", "--cluster", "--no-load", "--prometheus", prometheus.url().toString());

			assertThat(exit).isEqualTo(1);
			assertThat(kubectl.calls()).hasSize(4);
			assertThat(weights(kubectl, 2)).isEqualTo("v1=90 v2=10");
			assertThat(weights(kubectl, 3)).isEqualTo("v1");
			assertThat(out.toString()).contains("step 1 (10%): requests 120, success rate 70.00%, p99 48.8 ms: "
					+ "FAIL: success rate 70.00% < 99%", "canary: rolled back at step 1 (10%)");
		}
	}

	@Test
	void everyStepSendsLoadThroughTheGateway() throws IOException {
		FakeKubectl kubectl = cluster();
		try (PrometheusStandIn prometheus = prometheus("success-rate.json"); GatewayStandIn gateway = new GatewayStandIn()) {
			Sleeper untilLoadArrives = duration -> assertThat(gateway.awaitRequest(Duration.ofSeconds(10))).isTrue();

			int exit = run(kubectl, untilLoadArrives, "product", "--cluster", "--url", gateway.url().toString(), "--load",
					"20", "--prometheus", prometheus.url().toString());

			assertThat(exit).as(err.toString()).isEqualTo(0);
			assertThat(gateway.requests()).isNotEmpty().allMatch(r -> r.equals("product.graychain.local /product"));
		}
	}

	@Test
	void interruptedItRestoresTheRulesInForceBefore() throws IOException {
		FakeKubectl kubectl = cluster();
		try (PrometheusStandIn prometheus = prometheus("success-rate.json")) {
			Sleeper interrupted = duration -> {
				throw new InterruptedException();
			};
			int exit = run(kubectl, interrupted, "product", "--cluster", "--no-load", "--prometheus",
					prometheus.url().toString());

			assertThat(exit).isEqualTo(130);
			assertThat(kubectl.calls()).hasSize(4);
			assertThat(kubectl.fileGiven(3)).hasValue(Fixtures.text("canary/virtual-service-product-baseline.yaml"));
			assertThat(err.toString()).isEqualTo("canary: interrupted; the VirtualService product in force before is back\n");
		}
	}

	@Test
	void badInputChangesNoRule() throws IOException {
		FakeKubectl kubectl = cluster();
		try (PrometheusStandIn prometheus = prometheus("success-rate.json")) {
			String url = prometheus.url().toString();
			assertRefused(kubectl, "canary: steps must rise: 25 after 50", "product", "--cluster", "--no-load",
					"--prometheus", url, "--steps", "10,50,25,100");
			assertRefused(kubectl, "canary: --max-p99: '1h' is not a duration such as 500ms, 30s or 2m", "product",
					"--cluster", "--no-load", "--max-p99", "1h");
			assertRefused(kubectl, "canary: give the ingress gateway's --url to send load through (or --no-load: the "
					+ "service gets its traffic from elsewhere)", "product", "--cluster", "--prometheus", url);
			assertRefused(kubectl, "canary: give --load RPS or --no-load, not both", "product", "--cluster", "--no-load",
					"--load", "5", "--prometheus", url);
			assertRefused(kubectl, "canary: no lab runs (no " + dir.resolve("no-lab").resolve("admin.port")
					+ "): start one with scripts/lab up", "product", "--lab-state", dir.resolve("no-lab").toString());
			assertRefused(kubectl, "canary: cannot read the virtualservice nothing in graychain: Error from server (NotFound): "
					+ "virtualservices.networking.istio.io \"nothing\" not found", "nothing", "--cluster", "--no-load");
			assertRefused(kubectl, "canary: the DestinationRule product has no subset v2 (it has [v1]): nothing to shift "
					+ "between v1 and v2", "product", "--cluster", "--no-load", "--namespace", "v1-only");
		}
		assertThat(kubectl.calls()).noneMatch(c -> c.startsWith("apply"));
	}

	@Test
	void aPrometheusThatDoesNotAnswerChangesNoRule() throws IOException {
		FakeKubectl kubectl = cluster();
		try (PrometheusStandIn prometheus = new PrometheusStandIn("", q -> new Answer(503, "bad-query.json"))) {
			int exit = run(kubectl, NO_WAIT, "product", "--cluster", "--no-load", "--prometheus", prometheus.url().toString());

			assertThat(exit).isEqualTo(2);
			assertThat(err.toString()).startsWith("canary: Prometheus at " + prometheus.url() + " answered 503: ");
		}
		assertThat(kubectl.calls()).containsExactly(GET_VS, GET_DR);
	}

	private void assertRefused(FakeKubectl kubectl, String message, String... args) {
		err.getBuffer().setLength(0);
		assertThat(run(kubectl, NO_WAIT, args)).isEqualTo(2);
		assertThat(err.toString()).isEqualTo(message + "\n");
	}

	private int run(FakeKubectl kubectl, Sleeper sleeper, String... args) {
		CommandLine line = new CommandLine(new CanaryCommand(Optional.of(new Kubectl(kubectl.executable())), sleeper));
		line.setOut(new PrintWriter(out, true));
		line.setErr(new PrintWriter(err, true));
		return line.execute(args);
	}

	private FakeKubectl cluster() throws IOException {
		String rule = Files.readString(Tools.repo().resolve("istio/destination-rules/product.yaml"));
		String v1Only = rule.substring(0, rule.indexOf("    - name: v2"));
		return FakeKubectl.answering(dir,
				Reply.to(GET_VS).printing(Files.readString(Tools.repo().resolve("istio/baseline/virtual-service-product-v1.yaml"))),
				Reply.to(GET_DR).printing(rule),
				Reply.to("get virtualservice product -n v1-only -o yaml").printing(
						Files.readString(Tools.repo().resolve("istio/baseline/virtual-service-product-v1.yaml"))),
				Reply.to("get destinationrule product -n v1-only -o yaml").printing(v1Only),
				Reply.toCallsStartingWith("get virtualservice nothing").failing(1,
						"Error from server (NotFound): virtualservices.networking.istio.io \"nothing\" not found"),
				Reply.toCallsStartingWith(APPLY));
	}

	private static PrometheusStandIn prometheus(String successRate) throws IOException {
		return new PrometheusStandIn("", query -> {
			if (query.startsWith("sum(increase") || query.equals("vector(1)")) {
				return new Answer(200, "requests.json");
			}
			return new Answer(200, query.startsWith("histogram_quantile") ? "duration.json" : successRate);
		});
	}

	/** The weights of the VirtualService the call at {@code index} applied, e.g. {@code v1=90 v2=10}. */
	private static String weights(FakeKubectl kubectl, int index) {
		String yaml = kubectl.fileGiven(index).orElseThrow();
		StringBuilder weights = new StringBuilder();
		for (String line : yaml.lines().toList()) {
			String trimmed = line.strip();
			if (trimmed.startsWith("subset: ")) {
				weights.append(weights.isEmpty() ? "" : " ").append(trimmed.substring("subset: ".length()));
			}
			else if (trimmed.startsWith("weight: ")) {
				weights.append('=').append(trimmed.substring("weight: ".length()));
			}
		}
		return weights.toString();
	}

}
