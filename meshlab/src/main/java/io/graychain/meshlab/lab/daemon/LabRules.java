package io.graychain.meshlab.lab.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import io.graychain.meshlab.scenario.Scenario;

/**
 * The rules in force in the lab: the overlay's own (Gateway, DestinationRules, baseline) plus at
 * most one scenario. A scenario is checked by the engine's analyzer before it takes effect; one with
 * a mistake is refused and the rules in force stay as they were.
 */
public final class LabRules {

	private final MeshConfig base;

	private final EngineRouter router;

	private final Path scenariosDir;

	private final java.util.function.Consumer<String> record;

	private volatile String inForce = "baseline";

	public LabRules(MeshConfig base, EngineRouter router, Path scenariosDir) {
		this(base, router, scenariosDir, yaml -> {
		});
	}

	/**
	 * Rules that also hand the YAML in force over the overlay's own rules to {@code record} (empty for
	 * the baseline), each time they change, for {@code scripts/explain --lab}.
	 */
	public LabRules(MeshConfig base, EngineRouter router, Path scenariosDir, java.util.function.Consumer<String> record) {
		this.base = base;
		this.router = router;
		this.scenariosDir = scenariosDir;
		this.record = record;
		record.accept("");
	}

	public EngineRouter router() {
		return router;
	}

	/** The outcome of a change: whether it took effect, and a readable message. */
	public record Change(boolean applied, String message) {
	}

	/** Applies a scenario by name ({@code istio/scenarios/<name>}) or a YAML file or folder, over the overlay's rules. */
	public synchronized Change apply(String nameOrPath) {
		Path dir = resolve(nameOrPath);
		if (dir == null) {
			return unknown(nameOrPath);
		}
		List<Path> files = Files.isDirectory(dir) ? new Scenario(nameOrPath, dir).istioFiles() : List.of(dir);
		return put(nameOrPath, files, base::apply);
	}

	/**
	 * Applies a scenario's Gateway API twin instead of its Istio rules ({@link GatewayApiTwin}): its
	 * HTTPRoutes, the Gateway graychain-http the lab serves on its own port, the per-version Services.
	 */
	public synchronized Change applyGatewayApi(String nameOrPath) {
		Path dir = resolve(nameOrPath);
		if (dir == null) {
			return unknown(nameOrPath);
		}
		Scenario scenario = new Scenario(dir.getFileName().toString(), dir);
		if (!Files.isDirectory(dir) || !scenario.hasGatewayApiTwin()) {
			return new Change(false, "scenario '" + nameOrPath + "' has no Gateway API twin (no " + Scenario.GATEWAY_API
					+ "/ folder); its README says what to use instead");
		}
		return put(nameOrPath + " (Gateway API)", scenario.gatewayApiFiles(), resources -> GatewayApiTwin.apply(base, resources));
	}

	private Change unknown(String nameOrPath) {
		return new Change(false, "no scenario '" + nameOrPath + "' in " + scenariosDir + " and no such file; scenarios: "
				+ Scenario.all(scenariosDir).stream().map(Scenario::name).collect(Collectors.joining(", ")));
	}

	/** Puts the rules of {@code files}, combined with the overlay's by {@code combine}, in force unless the analyzer finds an error. */
	private Change put(String label, List<Path> files, java.util.function.Function<List<Resource>, MeshConfig> combine) {
		MeshLoader loader = new MeshLoader();
		files.forEach(loader::read);
		MeshConfig candidate = combine.apply(loader.resources());
		List<String> mistakes = loader.problems().stream().map(p -> "Error [UNKNOWN_FIELD] (" + p.file() + ") "
				+ p.field() + ": " + p.message()).collect(Collectors.toList());
		List<Finding> findings = Analyzer.analyze(candidate);
		findings.stream().filter(Finding::isError).map(Finding::toString).forEach(mistakes::add);
		String warnings = findings.stream().filter(f -> !f.isError()).map(f -> "\n  " + f).collect(Collectors.joining());
		if (!mistakes.isEmpty()) {
			return new Change(false, "refused " + label + ", the rules in force (" + inForce + ") stay:\n  "
					+ String.join("\n  ", mistakes));
		}
		router.use(candidate);
		record.accept(files.stream().map(LabRules::read).collect(Collectors.joining("\n---\n")));
		inForce = label + " (since " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ")";
		return new Change(true, "applied " + label + ": " + files.stream().map(f -> f.getFileName().toString())
			.collect(Collectors.joining(", ")) + warnings);
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

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private Path resolve(String nameOrPath) {
		if (!nameOrPath.contains("/") && !nameOrPath.isBlank() && Files.isDirectory(scenariosDir.resolve(nameOrPath))) {
			return scenariosDir.resolve(nameOrPath);
		}
		Path path = Path.of(nameOrPath);
		return !nameOrPath.isBlank() && Files.exists(path) ? path : null;
	}

}
