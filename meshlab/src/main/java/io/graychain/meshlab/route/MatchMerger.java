package io.graychain.meshlab.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequestBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;

/**
 * Merges a root route's matches with a delegate route's matches as Istio does: every pair that does
 * not conflict becomes one match with the fields of both; the delegate must stay within the root
 * (same value, or a longer prefix of a root prefix).
 */
public final class MatchMerger {

	private MatchMerger() {
	}

	/** The merged matches, or empty when every pair conflicts (Istio then drops the delegate route). */
	public static Optional<List<HTTPMatchRequest>> merge(List<HTTPMatchRequest> root, List<HTTPMatchRequest> leaf) {
		if (root.isEmpty() || leaf.isEmpty()) {
			return Optional.of(root.isEmpty() ? leaf : root);
		}
		List<HTTPMatchRequest> merged = new ArrayList<>();
		for (HTTPMatchRequest r : root) {
			for (HTTPMatchRequest l : leaf) {
				if (!conflicts(r, l)) {
					merged.add(merged(r, l));
				}
			}
		}
		return merged.isEmpty() ? Optional.empty() : Optional.of(merged);
	}

	static boolean conflicts(HTTPMatchRequest r, HTTPMatchRequest l) {
		return stringConflict(r.getUri(), l.getUri()) || stringConflict(r.getScheme(), l.getScheme())
				|| stringConflict(r.getMethod(), l.getMethod()) || stringConflict(r.getAuthority(), l.getAuthority())
				|| mapConflict(r.getHeaders(), l.getHeaders()) || mapConflict(r.getQueryParams(), l.getQueryParams())
				|| mapConflict(r.getWithoutHeaders(), l.getWithoutHeaders())
				|| !Objects.equals(Boolean.TRUE.equals(r.getIgnoreUriCase()), Boolean.TRUE.equals(l.getIgnoreUriCase()))
				|| bothDiffer(r.getPort(), l.getPort()) || bothDiffer(r.getSourceNamespace(), l.getSourceNamespace())
				|| labelConflict(r.getSourceLabels(), l.getSourceLabels())
				|| (nonEmpty(r.getGateways()) && nonEmpty(l.getGateways()) && !r.getGateways().containsAll(l.getGateways()));
	}

	/** Istio's rule: the delegate's string match must lie within the root's. */
	static boolean stringConflict(StringMatch root, StringMatch leaf) {
		if (root == null || leaf == null) {
			return false;
		}
		Object r = root.getMatchType();
		Object l = leaf.getMatchType();
		if (r instanceof StringMatchRegex || l instanceof StringMatchRegex) {
			return true;
		}
		if (r instanceof StringMatchExact exact) {
			return !(l instanceof StringMatchExact le && le.getExact().equals(exact.getExact()));
		}
		if (r instanceof StringMatchPrefix prefix) {
			String leafText = StringMatcher.text(leaf);
			return leafText == null || !leafText.startsWith(prefix.getPrefix());
		}
		return true;
	}

	private static boolean mapConflict(Map<String, StringMatch> root, Map<String, StringMatch> leaf) {
		return root != null && leaf != null
				&& leaf.keySet().stream().anyMatch(k -> root.containsKey(k) && stringConflict(root.get(k), leaf.get(k)));
	}

	private static boolean labelConflict(Map<String, String> root, Map<String, String> leaf) {
		return root != null && leaf != null
				&& leaf.keySet().stream().anyMatch(k -> root.containsKey(k) && !root.get(k).equals(leaf.get(k)));
	}

	private static boolean bothDiffer(Object root, Object leaf) {
		return root != null && leaf != null && !root.equals(leaf);
	}

	private static boolean nonEmpty(List<String> list) {
		return list != null && !list.isEmpty();
	}

	private static HTTPMatchRequest merged(HTTPMatchRequest r, HTTPMatchRequest l) {
		HTTPMatchRequestBuilder out = new HTTPMatchRequestBuilder(l);
		out.withUri(l.getUri() != null ? l.getUri() : r.getUri())
			.withScheme(l.getScheme() != null ? l.getScheme() : r.getScheme())
			.withMethod(l.getMethod() != null ? l.getMethod() : r.getMethod())
			.withAuthority(l.getAuthority() != null ? l.getAuthority() : r.getAuthority())
			.withPort(l.getPort() != null ? l.getPort() : r.getPort())
			.withSourceNamespace(l.getSourceNamespace() != null ? l.getSourceNamespace() : r.getSourceNamespace())
			.withGateways(nonEmpty(l.getGateways()) ? l.getGateways() : r.getGateways())
			.withHeaders(union(r.getHeaders(), l.getHeaders()))
			.withQueryParams(union(r.getQueryParams(), l.getQueryParams()))
			.withWithoutHeaders(union(r.getWithoutHeaders(), l.getWithoutHeaders()))
			.withSourceLabels(union(r.getSourceLabels(), l.getSourceLabels()));
		return out.build();
	}

	private static <V> Map<String, V> union(Map<String, V> root, Map<String, V> leaf) {
		if (root == null && leaf == null) {
			return null;
		}
		Map<String, V> out = new HashMap<>();
		if (root != null) {
			out.putAll(root);
		}
		if (leaf != null) {
			out.putAll(leaf);
		}
		return out;
	}

}
