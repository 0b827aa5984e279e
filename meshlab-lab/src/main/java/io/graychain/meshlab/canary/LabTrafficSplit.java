package io.graychain.meshlab.canary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graychain.meshlab.kustomize.Kustomizer;
import io.graychain.meshlab.kustomize.ManifestException;
import io.graychain.meshlab.lab.client.LabClient;
import io.graychain.meshlab.lab.client.OneShotHttp;
import io.graychain.meshlab.lab.client.RulesSource;
import io.graychain.meshlab.lab.daemon.LabState;

/**
 * Sets the weights in the running lab: each step sends the lab's admin endpoint ({@code POST /apply},
 * the call {@code scripts/lab apply} makes, checked by the engine's analyzer before it takes effect)
 * the rules applied before the run with the service's VirtualService replaced by the split one
 * ({@link VirtualServiceSplit}), so that a scenario's other rules stay in force. The VirtualService
 * split is the one in force: the scenario's when it has one for the service, else the overlay's
 * baseline. {@link #restore()} puts back what was in force: the same YAML under the same name, or the
 * baseline ({@code POST /reset}) when nothing had been applied.
 */
final class LabTrafficSplit implements TrafficSplit {

	private static final String IN_FORCE = "rules in force: ";

	private final LabClient client;

	private final String service;

	private final VirtualServiceSplit split;

	private final String stable;

	private final String canary;

	private final List<ObjectNode> others;

	private final String inForceName;

	private final String inForceYaml;

	private final String namespace;

	private LabTrafficSplit(LabClient client, String service, String namespace, VirtualServiceSplit split, String stable,
			String canary, List<ObjectNode> others, String inForceName, String inForceYaml) {
		this.client = client;
		this.service = service;
		this.namespace = namespace;
		this.split = split;
		this.stable = stable;
		this.canary = canary;
		this.others = others;
		this.inForceName = inForceName;
		this.inForceYaml = inForceYaml;
	}

	/**
	 * Reads what the running lab of {@code stateDir} has in force and checks, before any rule changes,
	 * that it answers, that it has {@code service} with subsets {@code stable} and {@code canary} in its
	 * DestinationRule and pods of both, and a VirtualService to split.
	 */
	static LabTrafficSplit open(LabClient client, Path stateDir, String service, String stable, String canary) {
		String status;
		List<String> lanes;
		try {
			status = answer(client.get("/status"));
			lanes = answer(client.get("/lanes")).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		}
		catch (IllegalStateException ex) {
			// no lab's state folder, or not readable
			throw new CanaryException(ex.getMessage());
		}
		String inForceName = status.lines().filter(l -> l.startsWith(IN_FORCE)).findFirst()
			.map(l -> l.substring(IN_FORCE.length()).replaceFirst(" \\(since [^)]*\\)$", ""))
			.orElseThrow(() -> new CanaryException("the lab's status names no rules in force"));
		if (inForceName.endsWith("(Gateway API)")) {
			throw new CanaryException("the lab routes with a Gateway API twin (" + inForceName + "): the canary shifts a "
					+ "VirtualService; scripts/lab reset first");
		}
		String inForceYaml = read(stateDir.resolve(LabState.RULES));
		List<ObjectNode> applied = documents(inForceYaml);
		List<ObjectNode> rendered = render(Path.of(read(stateDir.resolve(LabState.OVERLAY)).strip()));
		List<String> services = rendered.stream().filter(r -> kind(r, "Service")).map(LabTrafficSplit::name).toList();
		if (!services.contains(service)) {
			throw new CanaryException("the lab has no service '" + service + "' (it has " + String.join(", ", services) + ")");
		}
		List<String> subsets = new ArrayList<>();
		rendered.stream().filter(r -> kind(r, "DestinationRule") && isHost(r.at("/spec/host").asText(), service))
			.forEach(r -> r.at("/spec/subsets").forEach(s -> subsets.add(s.path("name").asText())));
		if (subsets.isEmpty()) {
			throw new CanaryException("the lab has no DestinationRule for " + service + ": no subsets " + stable + " and "
					+ canary + " to shift between");
		}
		for (String subset : List.of(stable, canary)) {
			if (!subsets.contains(subset)) {
				throw new CanaryException("the DestinationRule of " + service + " has no subset " + subset + " (it has "
						+ subsets + "): nothing to shift between " + stable + " and " + canary);
			}
		}
		if (!lanes.contains(service)) {
			throw new CanaryException("the lab runs one version of " + service + " only: no " + canary + " to shift to");
		}
		ObjectNode virtualService = inForce(rendered, applied, service);
		VirtualServiceSplit split = new VirtualServiceSplit(VirtualServiceSplit.write(virtualService), service);
		List<ObjectNode> others = applied.stream().filter(d -> !(kind(d, "VirtualService") && name(d).equals(split.name())))
			.toList();
		String namespace = rendered.stream().filter(r -> kind(r, "Service") && name(r).equals(service))
			.map(r -> r.at("/metadata/namespace").asText("default")).findFirst().orElse("default");
		return new LabTrafficSplit(client, service, namespace, split, stable, canary, others, inForceName, inForceYaml);
	}

	/** The namespace of the lab's Service (its overlay's). */
	String namespace() {
		return namespace;
	}

	@Override
	public void apply(int canaryPercent) {
		List<String> yaml = new ArrayList<>(others.stream().map(VirtualServiceSplit::write).toList());
		yaml.add(split.yaml(stable, canary, canaryPercent));
		String name = "canary " + service + " " + canary + " at " + canaryPercent + "%";
		changed(client.apply(new RulesSource(name, String.join("---\n", yaml), List.of())), name);
	}

	/** Puts back the rules in force before the run. */
	void restore() {
		if (inForceYaml.isBlank()) {
			changed(client.post("/reset", ""), "the baseline");
		}
		else {
			changed(client.apply(new RulesSource(inForceName, inForceYaml, List.of())), inForceName);
		}
	}

	/** The name of the VirtualService the steps shift. */
	String virtualService() {
		return split.name();
	}

	private static void changed(OneShotHttp.Reply reply, String what) {
		if (reply.status() == 200) {
			return;
		}
		if (Thread.currentThread().isInterrupted()) {
			throw new IllegalStateException("interrupted while applying " + what);
		}
		throw new CanaryException(reply.status() == 0 ? reply.body()
				: "the lab did not apply " + what + ": " + reply.body().strip().replace("\n", " "));
	}

	private static String answer(OneShotHttp.Reply reply) {
		if (reply.status() == 0) {
			throw new CanaryException(reply.body() + " (is the lab up? scripts/lab status)");
		}
		if (reply.status() != 200) {
			throw new CanaryException("the lab's admin endpoint answered " + reply.status() + ": " + reply.body().strip());
		}
		return reply.body();
	}

	/** The service's VirtualService in force: the applied one of its name over the overlay's, with a catch-all route to it. */
	private static ObjectNode inForce(List<ObjectNode> rendered, List<ObjectNode> applied, String service) {
		Map<String, ObjectNode> byName = new LinkedHashMap<>();
		for (ObjectNode resource : rendered) {
			if (kind(resource, "VirtualService")) {
				byName.put(name(resource), resource);
			}
		}
		for (ObjectNode resource : applied) {
			if (kind(resource, "VirtualService")) {
				byName.put(name(resource), resource);
			}
		}
		Optional<ObjectNode> found = byName.values().stream().filter(vs -> splittable(vs, service)).findFirst();
		return found.orElseThrow(() -> new CanaryException("no VirtualService in force sends the traffic no match picks "
				+ "to " + service + " alone: nothing to split (scripts/lab status shows the rules in force)"));
	}

	private static boolean splittable(ObjectNode virtualService, String service) {
		boolean forService = false;
		for (JsonNode host : virtualService.at("/spec/hosts")) {
			forService |= isHost(host.asText(), service);
		}
		if (!forService) {
			return false;
		}
		try {
			new VirtualServiceSplit(VirtualServiceSplit.write(virtualService), service);
			return true;
		}
		catch (CanaryException ex) {
			return false;
		}
	}

	private static boolean isHost(String host, String service) {
		return host.equals(service) || host.startsWith(service + ".");
	}

	private static List<ObjectNode> render(Path overlay) {
		try {
			return new Kustomizer().build(overlay);
		}
		catch (ManifestException ex) {
			throw new CanaryException("cannot render the lab's overlay " + overlay + ": " + ex.getMessage().lines().findFirst().orElse(""));
		}
	}

	private static List<ObjectNode> documents(String yaml) {
		List<ObjectNode> documents = new ArrayList<>();
		try {
			VirtualServiceSplit.YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).forEachRemaining(d -> {
				if (d instanceof ObjectNode object) {
					documents.add(object);
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			throw new CanaryException("cannot read the lab's rules in force: " + ex.getMessage().lines().findFirst().orElse(""));
		}
		return documents;
	}

	private static String read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new CanaryException("no lab runs (no " + file + "): start one with scripts/lab up");
		}
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new CanaryException("cannot read " + file);
		}
	}

	private static boolean kind(JsonNode resource, String kind) {
		return kind.equals(resource.path("kind").asText());
	}

	private static String name(JsonNode resource) {
		return resource.at("/metadata/name").asText();
	}

}
