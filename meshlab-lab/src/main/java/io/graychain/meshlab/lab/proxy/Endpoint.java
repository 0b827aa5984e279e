package io.graychain.meshlab.lab.proxy;

/**
 * One pod the lab can send a request to.
 *
 * @param pod the pod name, e.g. {@code appb-v2-0}
 * @param workload its Deployment, e.g. {@code appb-v2}
 * @param port the loopback port it listens on
 */
public record Endpoint(String pod, String workload, int port) {
}
