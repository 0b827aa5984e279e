package io.graychain.meshlab.canary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The VirtualService that splits a service's traffic between two subsets, written from the service's
 * current VirtualService: every catch-all HTTP route (no {@code match}: the traffic no earlier rule
 * picked) whose destinations are all the service's host keeps its name and policies (timeouts,
 * retries, headers, ...) and gets the destinations {@code stable: 100 - w} and {@code canary: w} (one
 * destination without weight at 0 and at 100). Routes with a match (a tester pinned by header or
 * cookie stays pinned), routes to other hosts, redirects and direct responses are left as they are.
 * The result is {@code networking.istio.io/v1}, without server-set metadata, ready to apply.
 */
public final class VirtualServiceSplit {

	/** How the canary reads and writes Istio resources: no document marker, quotes only where YAML needs them. */
	static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
		.disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
		.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

	private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

	private final ObjectNode current;

	private final String host;

	private final String name;

	/**
	 * @param currentYaml the service's VirtualService in force (one YAML document)
	 * @param host the service's host as the routes name it, e.g. {@code product}
	 */
	public VirtualServiceSplit(String currentYaml, String host) {
		this.current = read(currentYaml);
		this.host = host;
		this.name = current.at("/metadata/name").asText("?");
		if (!current.path("kind").asText().equals("VirtualService")
				|| !current.path("apiVersion").asText().startsWith("networking.istio.io/")) {
			throw new CanaryException("not an Istio VirtualService: " + current.path("apiVersion").asText("?") + " "
					+ current.path("kind").asText("?") + " " + name);
		}
		if (splitRoutes(current).isEmpty()) {
			throw new CanaryException("VirtualService " + name + " has no catch-all HTTP route (without match) to "
					+ host + " alone: nothing to split");
		}
	}

	/** The VirtualService's name. */
	public String name() {
		return name;
	}

	/** The VirtualService in force, as given, without server-set metadata: what restores it. */
	public String current() {
		ObjectNode copy = current.objectNode();
		copy.put("apiVersion", current.path("apiVersion").asText());
		copy.put("kind", "VirtualService");
		copy.set("metadata", metadata());
		copy.set("spec", current.path("spec").deepCopy());
		return write(copy);
	}

	/** The VirtualService sending {@code canaryPercent} (0 to 100) to subset {@code canary}, the rest to {@code stable}. */
	public String yaml(String stable, String canary, int canaryPercent) {
		if (canaryPercent < 0 || canaryPercent > 100) {
			throw new CanaryException("a weight is from 0 to 100, not " + canaryPercent);
		}
		ObjectNode split = current.objectNode();
		split.put("apiVersion", "networking.istio.io/v1");
		split.put("kind", "VirtualService");
		split.set("metadata", metadata());
		ObjectNode spec = current.path("spec").deepCopy();
		split.set("spec", spec);
		for (ObjectNode route : splitRoutes(split)) {
			JsonNode port = route.path("route").path(0).path("destination").path("port");
			ArrayNode destinations = route.putArray("route");
			if (canaryPercent < 100) {
				destination(destinations, stable, port, canaryPercent == 0 ? -1 : 100 - canaryPercent);
			}
			if (canaryPercent > 0) {
				destination(destinations, canary, port, canaryPercent == 100 ? -1 : canaryPercent);
			}
		}
		return write(split);
	}

	/** {@code resource} as one YAML document. */
	static String write(ObjectNode resource) {
		try {
			return YAML.writeValueAsString(resource);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write a VirtualService", ex);
		}
	}

	private void destination(ArrayNode destinations, String subset, JsonNode port, int weight) {
		ObjectNode entry = destinations.addObject();
		ObjectNode destination = entry.putObject("destination");
		destination.put("host", host);
		destination.put("subset", subset);
		if (port.isObject()) {
			destination.set("port", port.deepCopy());
		}
		if (weight >= 0) {
			entry.put("weight", weight);
		}
	}

	private ObjectNode metadata() {
		ObjectNode metadata = current.objectNode();
		JsonNode source = current.path("metadata");
		metadata.put("name", name);
		if (source.hasNonNull("namespace")) {
			metadata.put("namespace", source.get("namespace").asText());
		}
		for (String field : List.of("labels", "annotations")) {
			if (source.path(field).isObject()) {
				ObjectNode copy = source.get(field).deepCopy();
				copy.remove(LAST_APPLIED);
				if (!copy.isEmpty()) {
					metadata.set(field, copy);
				}
			}
		}
		return metadata;
	}

	/** The HTTP routes of {@code resource} without match whose destinations are all {@link #host}. */
	private List<ObjectNode> splitRoutes(ObjectNode resource) {
		List<ObjectNode> routes = new ArrayList<>();
		for (JsonNode route : resource.path("spec").path("http")) {
			JsonNode destinations = route.path("route");
			boolean toHost = destinations.isArray() && !destinations.isEmpty() && route.path("match").isEmpty();
			for (JsonNode destination : destinations) {
				toHost &= isHost(destination.path("destination").path("host").asText());
			}
			if (toHost && route instanceof ObjectNode object) {
				routes.add(object);
			}
		}
		return routes;
	}

	/** The short name, or a longer form of it ({@code product.graychain.svc.cluster.local}). */
	private boolean isHost(String destination) {
		return destination.equals(host) || destination.startsWith(host + ".");
	}

	private static ObjectNode read(String yaml) {
		List<JsonNode> documents = new ArrayList<>();
		try {
			YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).forEachRemaining(d -> {
				if (d != null && !d.isNull() && !d.isMissingNode()) {
					documents.add(d);
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			throw new CanaryException("the VirtualService is not valid YAML: " + firstLine(ex.getMessage()), ex);
		}
		if (documents.size() != 1 || !(documents.get(0) instanceof ObjectNode object)) {
			throw new CanaryException("expected one VirtualService, found " + documents.size() + " YAML documents");
		}
		return object;
	}

	private static String firstLine(String message) {
		return message == null ? "" : message.lines().findFirst().orElse("");
	}

}
