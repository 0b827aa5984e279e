package io.graychain.meshlab.scripts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.graychain.meshlab.testing.Tools;
import io.graychain.support.test.FakeKubectl;
import io.graychain.support.test.FakeKubectl.Reply;
import io.graychain.support.test.ScriptRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/lab cluster-url} and {@code cluster-lanes}, which {@code scripts/curl-loop --cluster}
 * and {@code scripts/verify --cluster} run to find a cluster's ingress gateway and the services that
 * run a v2. There is no cluster here: kubectl is a test double ({@link FakeKubectl}) that answers what
 * a cluster's kubectl would print, and these tests check the script's kubectl commands and what it
 * makes of each answer.
 */
class ClusterScriptsGatewayTest {

	static final Path LAB = Tools.repo().resolve("scripts/lab");

	/** The one read of the gateway's Service: LoadBalancer ip, hostname, the http2 port and nodePort. */
	static final String SERVICE = "-n istio-system get svc istio-ingressgateway -o jsonpath="
			+ "{.status.loadBalancer.ingress[0].ip}|{.status.loadBalancer.ingress[0].hostname}"
			+ "|{.spec.ports[?(@.name==\"http2\")].port}|{.spec.ports[?(@.name==\"http2\")].nodePort}";

	static final String NODES = "get nodes -o jsonpath={.items[0].status.addresses[?(@.type==\"InternalIP\")].address}";

	static final String LANES = "-n graychain get deploy -l version=v2 -o jsonpath={range .items[*]}{.metadata.labels.app}{\"\\n\"}{end}";

	@TempDir
	Path dir;

	ScriptRun lab(FakeKubectl kubectl, Map<String, String> env, String command) {
		Map<String, String> all = new HashMap<>(Map.of("KUBECTL", kubectl.executable().toString(), "GRAYCHAIN_LAB_STATE",
				dir.resolve("state").toString()));
		all.putAll(env);
		return ScriptRun.run(LAB, Tools.scriptEnv(all), Duration.ofSeconds(30), command);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', textBlock = """
			a LoadBalancer ip;                          10.0.0.5||80|31380;            http://10.0.0.5:80
			a LoadBalancer hostname (AWS);              |a1b2.elb.amazonaws.com|8080|31380;  http://a1b2.elb.amazonaws.com:8080
			a LoadBalancer with both: the ip;           10.0.0.5|lb.example.com|80|;   http://10.0.0.5:80
			an IPv6 LoadBalancer ip;                    fd00::5||80|;                  http://[fd00::5]:80
			no port named http2: port 80;               10.0.0.5|||;                   http://10.0.0.5:80
			""")
	void theLoadBalancerAddressWithTheHttp2Port(String what, String service, String url) {
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.to(SERVICE).printing(service));

		ScriptRun run = lab(kubectl, Map.of(), "cluster-url");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.out()).isEqualTo(url + "\n");
		assertThat(kubectl.calls()).as("one read of the Service, no nodes").containsExactly(SERVICE);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', textBlock = """
			a node;                                   172.18.0.2;                           http://172.18.0.2:31380
			a dual-stack node: its first InternalIP;  172.18.0.2 fc00:f853:ccd:e793::2;     http://172.18.0.2:31380
			an IPv6 node;                             fc00:f853:ccd:e793::2;                http://[fc00:f853:ccd:e793::2]:31380
			""")
	void withoutALoadBalancerTheNodePortOnANode(String what, String nodes, String url) {
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.to(SERVICE).printing("||80|31380"), Reply.to(NODES).printing(nodes));

		ScriptRun run = lab(kubectl, Map.of(), "cluster-url");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.out()).isEqualTo(url + "\n");
		assertThat(kubectl.calls()).containsExactly(SERVICE, NODES);
	}

	@Test
	void neitherALoadBalancerNorANodePortIsSaidClearly() {
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.to(SERVICE).printing("||80|"));

		ScriptRun run = lab(kubectl, Map.of(), "cluster-url");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("no address for istio-system/istio-ingressgateway")
			.contains("give the URL (--url), e.g. after kubectl port-forward");
		assertThat(kubectl.calls()).containsExactly(SERVICE);
	}

	@Test
	void aNodePortWithoutANodeAddressIsSaidClearly() {
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.to(SERVICE).printing("||80|31380"), Reply.to(NODES));

		ScriptRun run = lab(kubectl, Map.of(), "cluster-url");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("no node InternalIP for istio-system/istio-ingressgateway's nodePort 31380");
	}

	@Test
	void aServiceKubectlCannotReadGivesKubectlsMessageAndWhatToSet() {
		String notFound = "Error from server (NotFound): services \"istio-ingressgateway\" not found";
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.to(SERVICE).failing(1, notFound));

		ScriptRun run = lab(kubectl, Map.of(), "cluster-url");

		assertThat(run.exit()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains(notFound).contains("set --ingress-namespace and --ingress-service (GRAYCHAIN_INGRESS_NAMESPACE, GRAYCHAIN_INGRESS_SERVICE), or give the URL (--url)");
		assertThat(kubectl.calls()).containsExactly(SERVICE);
	}

	@Test
	void anotherGatewayServiceByItsNamespaceAndName() {
		String other = SERVICE.replace("-n istio-system get svc istio-ingressgateway", "-n istio-ingress get svc gateway");
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.to(other).printing("10.0.0.7||80|"));

		ScriptRun run = lab(kubectl, Map.of("GRAYCHAIN_INGRESS_NAMESPACE", "istio-ingress", "GRAYCHAIN_INGRESS_SERVICE", "gateway"), "cluster-url");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.out()).isEqualTo("http://10.0.0.7:80\n");
	}

	@Test
	void withoutKubectlNothingRunsAndTheMessageSaysWhatToDo() {
		FakeKubectl kubectl = FakeKubectl.answering(dir);
		String missing = dir.resolve("no-kubectl").toString();

		for (String command : List.of("cluster-url", "cluster-lanes")) {
			ScriptRun run = lab(kubectl, Map.of("KUBECTL", missing), command);

			assertThat(run.exit()).as(run.toString()).isEqualTo(1);
			assertThat(run.out()).isEmpty();
			assertThat(run.err()).contains(missing + " is required").contains("set KUBECTL to it");
		}
	}

	@Test
	void theLanesAreTheServicesWithAV2Deployment() {
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.to(LANES).printing("appb\nappa\nappa\nforecast\n"));

		ScriptRun run = lab(kubectl, Map.of(), "cluster-lanes");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.outLines()).containsExactly("appa", "appb", "forecast");
		assertThat(kubectl.calls()).containsExactly(LANES);
	}

	@Test
	void theLanesOfAnotherNamespace() {
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.to(LANES.replace("-n graychain", "-n demo")).printing("product\n"));

		ScriptRun run = lab(kubectl, Map.of("GRAYCHAIN_NAMESPACE", "demo"), "cluster-lanes");

		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.outLines()).containsExactly("product");
	}

	@Test
	void lanesKubectlCannotReadFailWithKubectlsMessage() {
		String refused = "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?";
		FakeKubectl kubectl = FakeKubectl.answering(dir, Reply.to(LANES).failing(1, refused));

		ScriptRun run = lab(kubectl, Map.of(), "cluster-lanes");

		assertThat(run.exit()).as(run.toString()).isNotZero();
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains(refused);
	}

}
