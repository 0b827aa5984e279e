package io.graychain.meshlab.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.graychain.meshlab.route.Share;

/**
 * Every chain a request can take, with its exact share.
 *
 * @param shares share by chain; the shares add up to 1
 * @param versions the versions each Service runs, to tell crossed chains
 */
public record ChainShares(Map<Chain, Share> shares, Map<String, Set<String>> versions) {

	public ChainShares {
		shares = new LinkedHashMap<>(shares);
		versions = Map.copyOf(versions);
	}

	/** The share of a chain written as {@code appa:v2 > appb:v2}; zero when it never happens. */
	public Share shareOf(String chain) {
		return shares.entrySet().stream().filter(e -> e.getKey().toString().equals(chain.strip()))
			.map(Map.Entry::getValue).findFirst().orElse(Share.ZERO);
	}

	/** The share of requests that take a crossed chain. */
	public Share crossedShare() {
		return shares.entrySet().stream().filter(e -> e.getKey().crossed(versions)).map(Map.Entry::getValue)
			.reduce(Share.ZERO, Share::plus);
	}

	/** Chains by their text, e.g. {@code {"appa:v1 > appb:v1": 10%}}. */
	public Map<String, Share> byText() {
		return shares.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue,
				Share::plus, LinkedHashMap::new));
	}

	@Override
	public String toString() {
		return byText().toString();
	}

}
