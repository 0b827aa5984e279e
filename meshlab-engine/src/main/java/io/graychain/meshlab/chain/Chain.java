package io.graychain.meshlab.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The services that handled one request, top down, written as the services report it:
 * {@code appa:v2 > appb:v2}.
 *
 * @param hops the hops, entry first
 */
public record Chain(List<Hop> hops) {

	public Chain {
		hops = List.copyOf(hops);
	}

	public Chain then(Hop hop) {
		List<Hop> longer = new ArrayList<>(hops);
		longer.add(hop);
		return new Chain(longer);
	}

	/**
	 * True when the hops ran different lanes: among the services that have more than one version,
	 * not all answered with the same version (e.g. {@code appa:v2 > appb:v1}).
	 *
	 * @param versions the versions each Service runs
	 */
	public boolean crossed(Map<String, Set<String>> versions) {
		return hops.stream()
			.filter(h -> versions.getOrDefault(h.service(), Set.of()).size() > 1)
			.map(Hop::version)
			.collect(Collectors.toSet())
			.size() > 1;
	}

	@Override
	public String toString() {
		return hops.stream().map(Hop::toString).collect(Collectors.joining(" > "));
	}

}
