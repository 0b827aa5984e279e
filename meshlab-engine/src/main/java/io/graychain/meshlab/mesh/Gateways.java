package io.graychain.meshlab.mesh;

/** How VirtualServices name gateways: {@code mesh}, {@code name} or {@code namespace/name}. */
public final class Gateways {

	/** The reserved gateway name for sidecar traffic. */
	public static final String MESH = "mesh";

	private Gateways() {
	}

	/** True when {@code reference}, written in a rule of {@code ruleNamespace}, names the gateway. */
	public static boolean names(String reference, String ruleNamespace, GatewayDef gateway) {
		int slash = reference.indexOf('/');
		String namespace = slash < 0 ? ruleNamespace : reference.substring(0, slash);
		String name = slash < 0 ? reference : reference.substring(slash + 1);
		String shortName = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
		return shortName.equals(gateway.name()) && namespace.equals(gateway.namespace());
	}

}
