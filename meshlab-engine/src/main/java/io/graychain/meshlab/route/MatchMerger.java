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
 * Merges a root route's matches with a delegate route's matches as Istio does
 * (istio/istio pilot/pkg/model/virtualservice.go mergeHTTPMatchRequests, hasConflict,
 * stringMatchConflict): every match entry of the delegate must lie within at least one entry of the
 * root, else the whole delegate route is dropped; each non-conflicting pair becomes one entry with
 * the delegate's fields over the root's.
 */
public final class MatchMerger {

	private MatchMerger() {
	}

	/** The merged matches, or empty when the delegate route conflicts with the root (Istio then drops it). */
	public static Optional<List<HTTPMatchRequest>> merge(List<HTTPMatchRequest> root, List<HTTPMatchRequest> leaf) {
		if (root.isEmpty() || leaf.isEmpty()) {
			return Optional.of(root.isEmpty() ? leaf : root);
		}
		List<HTTPMatchRequest> merged = new ArrayList<>();
		for (HTTPMatchRequest l : leaf) {
			boolean found = false;
			for (HTTPMatchRequest r : root) {
				if (!conflicts(r, l)) {
					merged.add(merged(r, l));
					found = true;
				}
			}
			if (!found) {
				return Optional.empty();
			}
		}
		return Optional.of(merged);
	}

	static boolean conflicts(HTTPMatchRequest r, HTTPMatchRequest l) {
		return stringConflict(r.getUri(), l.getUri()) || stringConflict(r.getScheme(), l.getScheme())
				|| stringConflict(r.getMethod(), l.getMethod()) || stringConflict(r.getAuthority(), l.getAuthority())
				|| mapConflict(r.getHeaders(), l.getHeaders()) || mapConflict(r.getQueryParams(), l.getQueryParams())
				|| mapConflict(r.getWithoutHeaders(), l.getWithoutHeaders())
				|| !Objects.equals(Boolean.TRUE.equals(r.getIgnoreUriCase()), Boolean.TRUE.equals(l.getIgnoreUriCase()))
				|| bothDiffer(port(r), port(l))
				|| !isEmpty(r.getSourceNamespace()) && !r.getSourceNamespace().equals(l.getSourceNamespace())
				|| labelConflict(r.getSourceLabels(), l.getSourceLabels())
				|| (nonEmpty(r.getGateways()) && nonEmpty(l.getGateways()) && !r.getGateways().containsAll(l.getGateways()));
	}

	/** Istio's rule: the delegate's string match must lie within the root's. */
	static boolean stringConflict(StringMatch root, StringMatch leaf) {
		if (root == null || leaf == null) {
			return false;
		}
		String rootRegex = root.getMatchType() instanceof StringMatchRegex rr ? rr.getRegex() : "";
		String leafRegex = leaf.getMatchType() instanceof StringMatchRegex lr ? lr.getRegex() : "";
		String rootExact = root.getMatchType() instanceof StringMatchExact re ? re.getExact() : "";
		String leafExact = leaf.getMatchType() instanceof StringMatchExact le ? le.getExact() : "";
		String rootPrefix = root.getMatchType() instanceof StringMatchPrefix rp ? rp.getPrefix() : "";
		String leafPrefix = leaf.getMatchType() instanceof StringMatchPrefix lp ? lp.getPrefix() : "";
		if (!rootRegex.isEmpty() && !(leafRegex + leafPrefix + leafExact).isEmpty()) {
			return true;
		}
		if (!leafRegex.isEmpty() && !(rootRegex + rootPrefix + rootExact).isEmpty()) {
			return true;
		}
		if (!rootExact.isEmpty()) {
			return !leafPrefix.isEmpty() || !leafExact.equals(rootExact);
		}
		if (!rootPrefix.isEmpty()) {
			if (!leafPrefix.isEmpty()) {
				return !leafPrefix.startsWith(rootPrefix);
			}
			if (!leafExact.isEmpty()) {
				return !leafExact.startsWith(rootPrefix);
			}
		}
		return true;
	}

	private static Long port(HTTPMatchRequest m) {
		return m.getPort() == null || m.getPort() == 0 ? null : m.getPort();
	}

	private static boolean isEmpty(String s) {
		return s == null || s.isEmpty();
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
