package io.graychain.meshlab.analyze;

/**
 * One configuration mistake, reported the way {@code istioctl analyze} does.
 *
 * @param code what kind of mistake
 * @param file the file it is in
 * @param resource the resource, e.g. {@code VirtualService appa}
 * @param field the field path, e.g. {@code spec.http[0].route[1].destination.subset}
 * @param message what is wrong, readable
 */
public record Finding(Code code, String file, String resource, String field, String message) {

	/** How bad a finding is: an error is refused (the lab keeps the rules in force); a warning works, but surprises. */
	public enum Severity {
		ERROR,
		WARNING
	}

	/** The kinds of mistakes the analyzer reports. */
	public enum Code {
		UNKNOWN_FIELD,
		UNKNOWN_SUBSET,
		SUBSET_SELECTS_NO_POD,
		HOST_NOT_A_SERVICE,
		WEIGHTS_NOT_100,
		UNREACHABLE_ROUTE,
		SOURCE_LABELS_ON_GATEWAY_ONLY,
		INVALID_REGEX,
		/** A fault, timeout, retry or mirror value Istio's validation refuses. */
		INVALID_POLICY,
		BROKEN_DELEGATE,
		CONFLICTING_VIRTUAL_SERVICES,
		/** A field the route engine does not follow: refused by name rather than approximated. */
		NOT_FOLLOWED,
		/** A header name written in upper case: Envoy lower-cases it, so it works, but not as written. */
		UPPERCASE_HEADER_NAME(Severity.WARNING),
		/** A cookie match that misses a browser's Cookie header or matches a neighbouring cookie. */
		COOKIE_MATCH(Severity.WARNING),
		/** A {@code hosts: ["*"]} gateway VirtualService beside host-specific ones: it never sees their hosts. */
		WILDCARD_BESIDE_SPECIFIC_HOSTS(Severity.WARNING),
		/** A route whose every match is already taken by an earlier route. */
		SHADOWED_ROUTE(Severity.WARNING),
		/** A Gateway API listener the lab's gateway does not serve (another port, not HTTP): its routes answer in explain only. */
		LISTENER_NOT_SERVED(Severity.WARNING),
		/** A DestinationRule setting a cluster follows that the lab does not model (it is shown, not enforced). */
		POLICY_NOT_MODELLED(Severity.WARNING);

		private final Severity severity;

		Code() {
			this(Severity.ERROR);
		}

		Code(Severity severity) {
			this.severity = severity;
		}

		public Severity severity() {
			return severity;
		}

	}

	public Severity severity() {
		return code.severity();
	}

	public boolean isError() {
		return severity() == Severity.ERROR;
	}

	@Override
	public String toString() {
		return (isError() ? "Error [" : "Warning [") + code + "] (" + file + ") " + resource + (field.isEmpty() ? "" : " " + field) + ": " + message;
	}

}
