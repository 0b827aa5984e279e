package io.graychain.meshlab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.graychain.meshlab.kustomize.ManifestException;

/**
 * Which files make up a scenario, and in what order they go onto a cluster, decided once: the lab
 * reads a scenario's files in this order, and {@code scripts/scenario} runs these steps with kubectl.
 * <p>
 * Make before break, so that no route ever points at what is not there:
 * <ul>
 * <li>apply: the DestinationRules (the subsets) first, then wait until each exists; then the
 * VirtualServices, a delegate before the root that names it; then every other scenario's rules undone
 * (those this one does not replace itself): their replaced baseline rules back first, then what they
 * added deleted;</li>
 * <li>remove: the same undo for this scenario alone; reset: the DestinationRules and the whole
 * baseline applied, then every scenario's added rules deleted.</li>
 * </ul>
 * Deletion runs in the reverse of the apply order: a root before its delegate, VirtualServices before
 * DestinationRules.
 *
 * @param istio the {@code istio/} folder: {@code destination-rules/}, {@code baseline/}, {@code scenarios/}
 */
public record ApplyPlan(Path istio) {

	/** One kubectl step: its arguments, and what to say when kubectl fails it (kubectl's own message comes first). */
	public sealed interface Step {

		List<String> kubectlArgs(int waitSeconds);

		String failure(int waitSeconds);

		/** {@code kubectl apply -f file}. */
		record Apply(Path file) implements Step {

			@Override
			public List<String> kubectlArgs(int waitSeconds) {
				return List.of("apply", "-f", file.toString());
			}

			@Override
			public String failure(int waitSeconds) {
				return "kubectl could not apply " + file + " (its message above); the steps after it did not run";
			}

		}

		/** {@code kubectl wait --for=create -f file}: the rule named {@code name} exists. */
		record Wait(Path file, String name) implements Step {

			@Override
			public List<String> kubectlArgs(int waitSeconds) {
				return List.of("wait", "--for=create", "-f", file.toString(), "--timeout=" + waitSeconds + "s");
			}

			@Override
			public String failure(int waitSeconds) {
				return "could not see " + name + " from " + file + " created within " + waitSeconds
						+ "s: kubectl wait failed (its message above); no VirtualService was applied";
			}

		}

		/** {@code kubectl delete -f file --ignore-not-found}. */
		record Delete(Path file) implements Step {

			@Override
			public List<String> kubectlArgs(int waitSeconds) {
				return List.of("delete", "-f", file.toString(), "--ignore-not-found");
			}

			@Override
			public String failure(int waitSeconds) {
				return "kubectl could not delete " + file + " (its message above); the steps after it did not run";
			}

		}

		/** {@code kubectl apply -k dir}. */
		record ApplyKustomization(Path dir) implements Step {

			@Override
			public List<String> kubectlArgs(int waitSeconds) {
				return List.of("apply", "-k", dir.toString());
			}

			@Override
			public String failure(int waitSeconds) {
				return "kubectl could not apply " + dir + " (its message above)";
			}

		}

	}

	public Path scenarios() {
		return istio.resolve("scenarios");
	}

	public Path baseline() {
		return istio.resolve("baseline");
	}

	public Path destinationRules() {
		return istio.resolve("destination-rules");
	}

	/**
	 * The Istio files of a scenario folder (its YAML, without {@code expect.yaml}, kustomizations and
	 * the Gateway API twin), in apply order: DestinationRules, then VirtualServices with every delegate
	 * before the root that names it, then anything else; name order otherwise.
	 */
	public static List<Path> files(Path dir) {
		return ordered(yaml(dir).stream().map(RuleFile::read).toList()).stream().map(RuleFile::file).toList();
	}

	/** The steps that put a scenario in force, whatever was in force before. */
	public List<Step> apply(Scenario scenario) {
		List<RuleFile> rules = ordered(read(scenario.dir()));
		List<Step> steps = new ArrayList<>(subsets(rules.stream().filter(RuleFile::isDestinationRule).toList()));
		rules.stream().filter(r -> !r.isDestinationRule()).forEach(r -> steps.add(new Step.Apply(r.file())));
		Set<String> keep = rules.stream().map(RuleFile::name).collect(Collectors.toSet());
		steps.addAll(undo(otherThan(scenario), keep));
		return steps;
	}

	/** The steps that take back exactly what a scenario applied. */
	public List<Step> remove(Scenario scenario) {
		return undo(List.of(scenario), Set.of());
	}

	/** The steps back to the all-v1 baseline, whatever scenario was in force. */
	public List<Step> reset() {
		List<RuleFile> baseline = ordered(read(baseline()));
		List<Step> steps = new ArrayList<>(subsets(baseline.stream().filter(RuleFile::isDestinationRule).toList()));
		baseline.stream().filter(r -> !r.isDestinationRule()).forEach(r -> steps.add(new Step.Apply(r.file())));
		steps.addAll(undo(Scenario.all(scenarios()), baseline.stream().map(RuleFile::name).collect(Collectors.toSet())));
		return steps;
	}

	/** The Gateway API twin applied as a kustomization. */
	public List<Step> applyGatewayApi(Scenario scenario) {
		return List.of(new Step.ApplyKustomization(twin(scenario)));
	}

	/** The twin's HTTPRoutes deleted, in name order (its shared Gateway and Services stay). */
	public List<Step> removeGatewayApi(Scenario scenario) {
		return yaml(twin(scenario)).stream().filter(f -> f.getFileName().toString().startsWith("httproute-"))
			.map(f -> (Step) new Step.Delete(f)).toList();
	}

	/** A scenario by name, or a clear refusal. */
	public Scenario scenario(String name) {
		Path dir = scenarios().resolve(name);
		if (name.isBlank() || name.contains("/") || !Files.isDirectory(dir)) {
			throw new IllegalArgumentException("no scenario '" + name + "' (scripts/scenario list shows them)");
		}
		return new Scenario(name, dir);
	}

	private Path twin(Scenario scenario) {
		if (!scenario.hasGatewayApiTwin()) {
			throw new IllegalArgumentException("scenario '" + scenario.name() + "' has no Gateway API twin");
		}
		return scenario.dir().resolve(Scenario.GATEWAY_API);
	}

	/** The shared DestinationRules and the given ones applied, then waited for. */
	private List<Step> subsets(List<RuleFile> own) {
		List<RuleFile> all = new ArrayList<>(read(destinationRules()));
		all.addAll(own);
		List<Step> steps = new ArrayList<>();
		all.forEach(r -> steps.add(new Step.Apply(r.file())));
		all.forEach(r -> steps.add(new Step.Wait(r.file(), r.name())));
		return steps;
	}

	/**
	 * Undoes {@code scenarios}, leaving the rules named in {@code keep}: a rule that replaced a baseline
	 * rule of the same name gets that one back, a rule the baseline does not have is deleted. Every
	 * baseline rule goes back before anything is deleted; deletions in reverse apply order; each once.
	 */
	private List<Step> undo(List<Scenario> scenarios, Set<String> keep) {
		Map<String, Path> baseline = new LinkedHashMap<>();
		read(baseline()).forEach(r -> baseline.put(r.name(), r.file()));
		Set<Path> restore = new LinkedHashSet<>();
		Set<Path> delete = new LinkedHashSet<>();
		for (Scenario scenario : scenarios) {
			List<RuleFile> rules = new ArrayList<>(ordered(read(scenario.dir())));
			java.util.Collections.reverse(rules);
			for (RuleFile rule : rules) {
				if (rule.isVirtualService() && keep.contains(rule.name())) {
					continue;
				}
				if (rule.isVirtualService() && baseline.containsKey(rule.name())) {
					restore.add(baseline.get(rule.name()));
				}
				else {
					delete.add(rule.file());
				}
			}
		}
		List<Step> steps = new ArrayList<>();
		restore.stream().sorted().forEach(f -> steps.add(new Step.Apply(f)));
		delete.forEach(f -> steps.add(new Step.Delete(f)));
		return steps;
	}

	private List<Scenario> otherThan(Scenario scenario) {
		return Scenario.all(scenarios()).stream().filter(s -> !s.dir().equals(scenario.dir())).toList();
	}

	private static List<RuleFile> read(Path dir) {
		return yaml(dir).stream().map(RuleFile::read).toList();
	}

	/** DestinationRules, then VirtualServices (delegates before their roots), then the rest; name order otherwise. */
	static List<RuleFile> ordered(List<RuleFile> rules) {
		List<RuleFile> byName = rules.stream().sorted(Comparator.comparing(RuleFile::file)).toList();
		List<RuleFile> out = new ArrayList<>(byName.stream().filter(RuleFile::isDestinationRule).toList());
		List<RuleFile> services = byName.stream().filter(RuleFile::isVirtualService).toList();
		Set<String> placed = new LinkedHashSet<>();
		for (RuleFile service : services) {
			place(service, services, placed, out, new LinkedHashSet<>());
		}
		byName.stream().filter(r -> !r.isDestinationRule() && !r.isVirtualService()).forEach(out::add);
		return out;
	}

	/** Places {@code service} after the delegates it names that this set defines (depth first). */
	private static void place(RuleFile service, List<RuleFile> services, Set<String> placed, List<RuleFile> out, Set<String> visiting) {
		if (placed.contains(service.file().toString()) || !visiting.add(service.file().toString())) {
			return;
		}
		for (String delegate : service.delegates()) {
			services.stream().filter(s -> s.name().equals(delegate)).forEach(d -> place(d, services, placed, out, visiting));
		}
		placed.add(service.file().toString());
		out.add(service);
	}

	/** The YAML files directly in {@code dir}, without expect.yaml and kustomizations, in name order. */
	static List<Path> yaml(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).filter(ApplyPlan::isRuleFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new ManifestException("cannot list " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean isRuleFile(Path file) {
		String name = file.getFileName().toString();
		return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals("expect.yaml")
				&& !name.startsWith("kustomization.");
	}

}
