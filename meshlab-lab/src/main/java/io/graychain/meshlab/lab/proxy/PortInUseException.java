package io.graychain.meshlab.lab.proxy;

/** A port the lab must listen on is taken by another process. */
public final class PortInUseException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PortInUseException(int port, String what) {
		super("port " + port + " on 127.0.0.1 is in use by another process: cannot start " + what
				+ " (stop that process, or choose another port)");
	}

}
