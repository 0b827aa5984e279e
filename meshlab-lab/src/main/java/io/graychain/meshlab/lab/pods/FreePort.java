package io.graychain.meshlab.lab.pods;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port nobody listens on right now, for a process that binds it a little later.
 *
 * <p>Ports come from below the kernel's ephemeral range (Linux 32768 and up, macOS 49152 and up):
 * a port picked there could be taken by any outgoing connection (a readiness probe, a sidecar's
 * call) before the pod binds it, and the pod would then fail with "port in use" while the probe
 * reached someone else. Each process starts at its own offset, and no port is handed out twice.
 */
public final class FreePort {

	static final int FIRST = 20000;

	static final int COUNT = 10000;

	private static final AtomicInteger NEXT = new AtomicInteger((int) (ProcessHandle.current().pid() * 97 % COUNT));

	private FreePort() {
	}

	public static int find() {
		return find(Set.of());
	}

	/**
	 * A free port that is none of {@code reserved}: ports another process was told to bind and may
	 * not have bound yet (the lab's ingress port, which the caller picked, perhaps with this very class).
	 */
	public static int find(Set<Integer> reserved) {
		for (int tries = 0; tries < COUNT; tries++) {
			int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
			if (!reserved.contains(port) && free(port)) {
				return port;
			}
		}
		throw new IllegalStateException("no free loopback port in " + FIRST + ".." + (FIRST + COUNT - 1));
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException inUse) {
			return false;
		}
	}

}
