package io.graychain.meshlab.kustomize;

/** Manifests could not be rendered or read: the message says which file, resource or field. */
public class ManifestException extends RuntimeException {

	public ManifestException(String message) {
		super(message);
	}

	public ManifestException(String message, Throwable cause) {
		super(message, cause);
	}

}
