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
		UPPERCASE_HEADER_NAME,
		BROKEN_DELEGATE,
		CONFLICTING_VIRTUAL_SERVICES
	}

	@Override
	public String toString() {
		return "Error [" + code + "] (" + file + ") " + resource + (field.isEmpty() ? "" : " " + field) + ": " + message;
	}

}
