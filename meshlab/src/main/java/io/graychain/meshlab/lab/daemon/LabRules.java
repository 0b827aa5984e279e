package io.graychain.meshlab.lab.daemon;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import io.graychain.meshlab.analyze.Analyzer;
import io.graychain.meshlab.analyze.Finding;
import io.graychain.meshlab.lab.proxy.EngineRouter;
import io.graychain.meshlab.mesh.MeshConfig;
import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.mesh.VirtualServiceDef;

/**
 * The rules in force in the lab: the overlay's own (Gateway, DestinationRules, baseline) plus at
 * most one scenario. A scenario is checked by the engine's analyzer before it takes effect; one with
 * a mistake is refused and the rules in force stay as they were.
 */
public final class LabRules {

	private final MeshConfig base;

	private final EngineRouter router;

	private volatile String inForce = "baseline";

	public LabRules(MeshConfig base, EngineRouter router) {
		this.base = base;
		this.router = router;
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
	public synchronized Change apply(String name, String yaml) {
		MeshLoader loader = new MeshLoader().read(yaml, name);
		List<String> mistakes = loader.problems().stream().map(p -> "Error [UNREADABLE] (" + p.file() + ") "
				+ (p.field().isEmpty() ? "" : p.field() + ": ") + p.message()).collect(Collectors.toList());
		if (mistakes.isEmpty() && loader.resources().isEmpty()) {
			mistakes.add("Error [EMPTY] (" + name + ") no Istio resources in it");
		}
		MeshConfig candidate = base.apply(loader.resources());
		if (mistakes.isEmpty()) {
			Analyzer.analyze(candidate).stream().map(Finding::toString).forEach(mistakes::add);
		}
		if (!mistakes.isEmpty()) {
			return new Change(false, "refused " + name + ", the rules in force (" + inForce + ") stay:\n  "
					+ String.join("\n  ", mistakes));
		}
		router.use(candidate);
		inForce = name + " (since " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ")";
		return new Change(true, "applied " + name + ": " + loader.resources().stream().map(r -> r.kind() + " " + r.name())
			.collect(Collectors.joining(", ")));
	}

	/** Back to the overlay's own rules (the all-v1 baseline). */
	public synchronized Change reset() {
		router.use(base);
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
		return out.toString();
	}

}
