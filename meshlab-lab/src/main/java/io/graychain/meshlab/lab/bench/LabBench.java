package io.graychain.meshlab.lab.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.graychain.meshlab.lab.client.LabClient;
import io.graychain.meshlab.lab.client.LabLocation;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: measures a running lab's data plane on loopback, bounded in time and count, and
 * prints a Markdown table (what {@code scripts/bench-lab} runs). (1) The latency one sidecar hop adds:
 * {@code appb-v1-0} asked directly, then through {@code appa-v1}'s sidecar, one request at a time
 * (median and p99 of each, and the difference). (2) Throughput and latency through the ingress
 * gateway, to {@code product} and through {@code appa → appb} (two sidecar hops more), at each
 * number of connections; (3) to {@code product} again while large uploads go through the same gateway.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Measure the running lab's data plane (overlay k8s/overlays/v2, baseline rules) on 127.0.0.1, bounded in time"
				+ " and count: the latency one sidecar hop adds (appb-v1-0 directly, then through appa-v1's sidecar), and"
				+ " req/s, median and p99 through the ingress gateway to product and to appa -> appb. Prints a Markdown table." },
		footer = { "%nExample:", "  scripts/lab up && scripts/bench-lab && scripts/lab down",
				"%nThe lab's own start-up (time to ready, memory), each way of starting its pods: scripts/bench-lab --startup --help" })
public final class LabBench implements Callable<Integer> {

	@Mixin
	LabLocation location;

	@Option(names = "--connections", paramLabel = "LIST", split = ",", defaultValue = "${env:GRAYCHAIN_CONNECTIONS:-16,64}",
			description = "the numbers of connections of the gateway runs [GRAYCHAIN_CONNECTIONS, default: ${DEFAULT-VALUE}]")
	List<Integer> connections;

	@Option(names = "--seconds", paramLabel = "N", defaultValue = "${env:GRAYCHAIN_SECONDS:-15}",
			description = "each gateway run, after the warm-up [GRAYCHAIN_SECONDS, default: ${DEFAULT-VALUE}]")
	int seconds;

	@Option(names = "--warmup", paramLabel = "N", defaultValue = "${env:GRAYCHAIN_WARMUP:-5}",
			description = "seconds of warm-up before each run [GRAYCHAIN_WARMUP, default: ${DEFAULT-VALUE}]")
	int warmup;

	@Option(names = "--hop-requests", paramLabel = "N", defaultValue = "${env:GRAYCHAIN_HOP_REQUESTS:-2000}",
			description = "requests per hop measurement [GRAYCHAIN_HOP_REQUESTS, default: ${DEFAULT-VALUE}]")
	int hopRequests;

	@Option(names = "--uploads", paramLabel = "N", defaultValue = "${env:GRAYCHAIN_UPLOADS:-4}",
			description = "large uploads at once through the gateway during an extra gateway -> product run (0: none)"
					+ " [GRAYCHAIN_UPLOADS, default: ${DEFAULT-VALUE}]")
	int uploads;

	@Option(names = "--upload-mib", paramLabel = "M", defaultValue = "${env:GRAYCHAIN_UPLOAD_MIB:-16}",
			description = "the size of each upload, MiB [GRAYCHAIN_UPLOAD_MIB, default: ${DEFAULT-VALUE}]")
	int uploadMib;

	private final PrintStream out = System.out;

	@Override
	public Integer call() throws Exception {
		if (connections.isEmpty() || connections.stream().anyMatch(c -> c < 1) || seconds < 1 || warmup < 0 || hopRequests < 4
				|| uploads < 0 || uploads > 16 || uploadMib < 1 || uploadMib > 256) {
			throw new IllegalArgumentException("--connections and --seconds must be positive, --hop-requests at least 4, --warmup not"
					+ " negative, --uploads 0 to 16, --upload-mib 1 to 256");
		}
		return run(location.client(), connections, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), hopRequests,
				uploads, uploadMib, out);
	}

	static int run(LabClient lab, List<Integer> connections, Duration seconds, Duration warmup, int hopRequests, int uploads,
			int uploadMib, PrintStream out) throws Exception {
		int gateway = URI.create(lab.ingressUrl()).getPort();
		int appb = podPort(lab.get("/status").body(), "appb-v1-0");
		Integer sidecar = lab.sidecars().get("appa-v1");
		if (sidecar == null) {
			throw new IllegalStateException("no workload appa-v1 in the lab (run it with k8s/overlays/v2)");
		}

		HttpClient direct = client(Math.max(64, connections.stream().mapToInt(Integer::intValue).max().orElse(64)), null);
		HttpClient proxied = client(1, sidecar);
		HttpClient uploading = uploads > 0 ? client(uploads, null) : null;
		Uploads alongside = uploads > 0
				? new Uploads(gateway, "product.graychain.local", "/product", uploads, new byte[uploadMib * 1024 * 1024]) : null;
		try {
			out.println("| measurement | connections | req/s | median ms | p99 ms | errors |");
			out.println("|---|---|---|---|---|---|");
			Load toPod = new Load(appb, "appb:8000", "/", false);
			Load viaSidecar = new Load(sidecar, "appb:8000", "/", true);
			toPod.run(direct, 1, warmup, hopRequests / 4);
			viaSidecar.run(proxied, 1, warmup, hopRequests / 4);
			Load.Result podAlone = toPod.run(direct, 1, seconds.multipliedBy(4), hopRequests);
			Load.Result throughSidecar = viaSidecar.run(proxied, 1, seconds.multipliedBy(4), hopRequests);
			row(out, "appb directly", 1, podAlone);
			row(out, "appb through appa's sidecar", 1, throughSidecar);
			out.printf("| added by one sidecar hop | 1 | | %+.2f | %+.2f | |%n", throughSidecar.millis(50) - podAlone.millis(50),
					throughSidecar.millis(99) - podAlone.millis(99));
			for (int c : connections) {
				for (Load load : List.of(new Load(gateway, "product.graychain.local", "/product", false),
						new Load(gateway, "appa.graychain.local", "/", false))) {
					load.run(direct, c, warmup, Long.MAX_VALUE);
					Load.Result result = load.run(direct, c, seconds, Long.MAX_VALUE);
					row(out, "gateway → " + ("/product".equals(load.path()) ? "product" : "appa → appb"), c, result);
				}
				if (alongside != null) {
					Load product = new Load(gateway, "product.graychain.local", "/product", false);
					Uploads.Running running = alongside.start(uploading);
					product.run(direct, c, warmup, Long.MAX_VALUE);
					Load.Result result = product.run(direct, c, seconds, Long.MAX_VALUE);
					Uploads.Sent sent = running.stop();
					row(out, "gateway → product beside uploads (" + uploads + " × " + uploadMib + " MiB at once: " + sent.uploads()
							+ " answered, " + sent.mib() + " MiB sent)",
							c, result);
				}
			}
		}
		finally {
			direct.stop();
			proxied.stop();
			if (uploading != null) {
				uploading.stop();
			}
		}
		return 0;
	}

	private static void row(PrintStream out, String what, int connections, Load.Result result) {
		out.printf("| %s | %d | %.0f | %.2f | %.2f | %d |%n", what, connections, result.perSecond(), result.millis(50),
				result.millis(99), result.errors());
		out.flush();
	}

	/** The PORT column of {@code pod}'s line in the lab's status. */
	static int podPort(String status, String pod) {
		return status.lines().filter(l -> l.startsWith(pod + " ")).findFirst()
			.map(l -> Integer.parseInt(l.trim().split("\\s+")[3]))
			.orElseThrow(() -> new IllegalStateException("no pod " + pod + " in the lab (run it with k8s/overlays/v2)"));
	}

	private static HttpClient client(int connections, Integer proxyPort) throws Exception {
		QueuedThreadPool threads = new QueuedThreadPool(16, 2);
		threads.setName("bench");
		threads.setDaemon(true);
		ClientConnector connector = new ClientConnector();
		connector.setExecutor(threads);
		connector.setSelectors(1);
		HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
		client.setExecutor(threads);
		client.setMaxConnectionsPerDestination(connections);
		client.setMaxRequestsQueuedPerDestination(4096);
		client.setFollowRedirects(false);
		client.setUserAgentField(null);
		if (proxyPort != null) {
			client.getProxyConfiguration().addProxy(new HttpProxy("127.0.0.1", proxyPort));
		}
		client.start();
		return client;
	}

}
