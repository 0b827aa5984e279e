package io.graychain.meshlab.lab.client;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.graychain.meshlab.mesh.MeshLoader;
import io.graychain.meshlab.scenario.Scenario;

/**
 * Rules to apply to a running lab, read by the client: a scenario by name
 * ({@code istio/scenarios/<name>}), or a YAML file or folder by path. The lab is sent the YAML,
 * never a path: it reads nothing from disk on anyone's word.
 *
 * @param name what the lab's status calls them: the scenario's name or the path as given
 * @param yaml the Istio resources, documents separated by {@code ---}
 * @param files the names of the files read, for the lab's answer ({@code applied <name>: <files>})
 */
public record RulesSource(String name, String yaml, List<String> files) {

	public RulesSource {
		files = List.copyOf(files);
	}

	/** At most this much YAML is sent: the admin endpoint takes 1 MiB. */
	static final long MAX_BYTES = 512 * 1024;

	/** Resolves {@code nameOrPath}; a clear one-line {@link IllegalArgumentException} when it cannot. */
	public static RulesSource resolve(String nameOrPath, Path scenariosDir) {
		if (nameOrPath.isBlank()) {
			throw new IllegalArgumentException("name a scenario, or a YAML file or folder");
		}
		List<Path> files;
		if (!nameOrPath.contains("/") && Files.isDirectory(scenariosDir.resolve(nameOrPath))) {
			files = new Scenario(nameOrPath, scenariosDir.resolve(nameOrPath)).istioFiles();
		}
		else if (Files.isDirectory(Path.of(nameOrPath))) {
			files = MeshLoader.yamlFiles(Path.of(nameOrPath));
		}
		else if (Files.exists(Path.of(nameOrPath))) {
			files = List.of(Path.of(nameOrPath));
		}
		else {
			throw new IllegalArgumentException("no scenario '" + nameOrPath + "' and no such file or folder; "
					+ (Files.isDirectory(scenariosDir) ? "scenarios: " + Scenario.all(scenariosDir).stream().map(Scenario::name)
						.collect(Collectors.joining(", ")) : "no scenarios in " + scenariosDir));
		}
		return read(nameOrPath, files);
	}

	/**
	 * Resolves scenario {@code name}'s Gateway API twin ({@link Scenario#gatewayApiFiles()}: its HTTPRoutes,
	 * the Gateway graychain-http, the per-version Services); a clear one-line {@link IllegalArgumentException}
	 * when there is no such scenario or it has no twin.
	 */
	public static RulesSource resolveGatewayApi(String name, Path scenariosDir) {
		if (name.isBlank() || name.contains("/") || !Files.isDirectory(scenariosDir.resolve(name))) {
			throw new IllegalArgumentException("no scenario '" + name + "'; " + (Files.isDirectory(scenariosDir)
					? "scenarios: " + Scenario.all(scenariosDir).stream().map(Scenario::name).collect(Collectors.joining(", "))
					: "no scenarios in " + scenariosDir));
		}
		Scenario scenario = new Scenario(name, scenariosDir.resolve(name));
		if (!scenario.hasGatewayApiTwin()) {
			throw new IllegalArgumentException("scenario '" + name + "' has no Gateway API twin (no " + Scenario.GATEWAY_API
					+ "/ folder); its README says what to use instead");
		}
		return read(name, scenario.gatewayApiFiles());
	}

	private static RulesSource read(String nameOrPath, List<Path> files) {
		List<String> documents = new ArrayList<>();
		long size = 0;
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException(file + " is not a regular file");
			}
			try {
				size += Files.size(file);
				if (size > MAX_BYTES) {
					throw new IllegalArgumentException(nameOrPath + " is larger than " + MAX_BYTES / 1024 + " KiB: not a scenario");
				}
				documents.add(Files.readString(file));
			}
			catch (CharacterCodingException ex) {
				throw new IllegalArgumentException(file + " is not UTF-8 text");
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("cannot read " + file);
			}
		}
		if (documents.isEmpty()) {
			throw new IllegalArgumentException("no YAML files in " + nameOrPath);
		}
		return new RulesSource(nameOrPath, String.join("\n---\n", documents),
				files.stream().map(f -> f.getFileName().toString()).toList());
	}

}
