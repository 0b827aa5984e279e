package io.graychain.meshlab.lab.daemon;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.graychain.meshlab.analyze.Analyzer;
import io.graychain.meshlab.analyze.Finding;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.mesh.HttpRouteDef;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.mesh.Resource;
import io.graychain.meshlab.mesh.VirtualServiceDef;
import io.graychain.meshlab.scenario.GatewayApiTwin;

/**
 * The rules in force in the lab: the overlay's own (Gateway, DestinationRules, baseline) plus at
 * most one scenario. A scenario is checked by the engine's analyzer before it takes effect; one with
 * an error is refused and the rules in force stay as they were (warnings are told, and applied).
 */
public final class LabRules {

	private final MeshConfig base;

	private final EngineRouter router;

	private final Consumer<String> record;

	private volatile String inForce = "baseline";

	public LabRules(MeshConfig base, EngineRouter router) {
		this(base, router, yaml -> {
		});
	}

	/**
	 * Rules that also hand the YAML in force over the overlay's own rules to {@code record} (empty for
	 * the baseline), each time they change, for {@code scripts/explain --lab}.
	 */
	public LabRules(MeshConfig base, EngineRouter router, Consumer<String> record) {
		this.base = base;
		this.router = router;
		this.record = record;
		record.accept("");
	}

	public EngineRouter router() {
		return router;
	}

	/** The outcome of a change: whether it took effect, and a readable message. */
	public record Change(boolean applied, String message) {
	}

	/**
	 * Applies the Istio resources in {@code yaml} over the overlay's rules; {@code name} (the scenario or
	 * file it came from, as the client names it) is what the status shows. Nothing is read from disk:
	 * the client resolved its scenario and sent the YAML.
	 */
	public Change apply(String name, String yaml) {
		return apply(name, yaml, List.of());
	}

	/** As above; {@code files} (the names of the files the YAML came from) are what the answer lists. */
	public synchronized Change apply(String name, String yaml, List<String> files) {
		return put(name, yaml, files, base::apply);
	}

	/**
	 * Applies a scenario's Gateway API twin instead of its Istio rules ({@link GatewayApiTwin}): its
	 * HTTPRoutes, the Gateway graychain-http the lab serves on its own port, the per-version Services,
	 * sent as YAML by the client like {@link #apply(String, String, List)}.
	 */
	public synchronized Change applyGatewayApi(String name, String yaml, List<String> files) {
		return put(name + " (Gateway API)", yaml, files, resources -> GatewayApiTwin.apply(base, resources));
	}

	/** Puts the rules of {@code yaml}, combined with the overlay's by {@code combine}, in force unless the analyzer finds an error. */
	private Change put(String name, String yaml, List<String> files, Function<List<Resource>, MeshConfig> combine) {
		MeshLoader loader = new MeshLoader().read(yaml, name);
		List<String> mistakes = loader.problems().stream().map(p -> "Error [UNREADABLE] (" + p.file() + ") "
				+ (p.field().isEmpty() ? "" : p.field() + ": ") + p.message()).collect(Collectors.toList());
		if (mistakes.isEmpty() && loader.resources().isEmpty()) {
			mistakes.add("Error [EMPTY] (" + name + ") no Istio resources in it");
		}
		MeshConfig candidate = combine.apply(loader.resources());
		String warnings = "";
		if (mistakes.isEmpty()) {
			List<Finding> findings = Analyzer.analyze(candidate);
			findings.stream().filter(Finding::isError).map(Finding::toString).forEach(mistakes::add);
			warnings = findings.stream().filter(f -> !f.isError()).map(f -> "\n  " + f).collect(Collectors.joining());
		}
		if (!mistakes.isEmpty()) {
			return new Change(false, "refused " + name + ", the rules in force (" + inForce + ") stay:\n  "
					+ String.join("\n  ", mistakes));
		}
		router.use(candidate);
		record.accept(yaml);
		inForce = name + " (since " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ")";
		return new Change(true, "applied " + name + ": " + (files.isEmpty() ? loader.resources().stream()
			.map(r -> r.kind() + " " + r.name()).collect(Collectors.joining(", ")) : String.join(", ", files)) + warnings);
	}

	/** Back to the overlay's own rules (the all-v1 baseline). */
	public synchronized Change reset() {
		router.use(base);
		record.accept("");
		inForce = "baseline";
		return new Change(true, "reset to the baseline");
	}

	/** What is in force: the scenario and every VirtualService with its file. */
	public String describe() {
		MeshConfig config = router.config();
		StringBuilder out = new StringBuilder("rules in force: " + inForce + "\n");
		for (VirtualServiceDef vs : config.virtualServices()) {
			out.append(String.format("  VirtualService %-16s hosts %-40s gateways %-28s %s%n", vs.name(),
					String.join(",", vs.hosts()), String.join(",", vs.gateways()), vs.file()));
		}
		for (HttpRouteDef route : config.httpRoutesByCreation()) {
			out.append(String.format("  HTTPRoute      %-16s hosts %-40s parents  %-28s %s%n", route.name(),
					String.join(",", route.hostnames()), String.join(",", route.parentRefs().stream()
						.map(p -> (p.getKind() == null ? "Gateway" : p.getKind()) + "/" + p.getName()).toList()), route.file()));
		}
		return out.toString();
	}

}
