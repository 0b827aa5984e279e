package io.graychain.meshlab.lab.pods;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.graychain.meshlab.kustomize.Manifests;

/**
 * A container's environment as the kubelet builds it: literal values with {@code $(VAR)} references
 * expanded, downward-API {@code fieldRef}s resolved from the pod (name, namespace, labels, annotations,
 * service account, node and IPs as the lab has them), ConfigMap and Secret keys from the manifests.
 */
public final class PodEnv {

	private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

	private static final Pattern MAP_KEY = Pattern.compile("metadata\\.(labels|annotations)\\['([^']+)'\\]");

	private static final String LOOPBACK = "127.0.0.1";

	private final Manifests manifests;

	public PodEnv(Manifests manifests) {
		this.manifests = manifests;
	}

	/** The environment of a container of pod {@code pod} (its metadata: name, namespace, labels, annotations). */
	public Map<String, String> resolve(List<EnvVar> env, ObjectMeta pod, String serviceAccount) {
		Map<String, String> resolved = new LinkedHashMap<>();
		for (EnvVar variable : env == null ? List.<EnvVar>of() : env) {
			String value = variable.getValueFrom() == null ? expand(nullToEmpty(variable.getValue()), resolved)
					: fromSource(variable.getName(), variable.getValueFrom(), pod, serviceAccount);
			resolved.put(variable.getName(), value);
		}
		return resolved;
	}

	/** {@code $(NAME)} replaced by an earlier variable's value, {@code $$} by {@code $}, unknown references kept. */
	static String expand(String value, Map<String, String> earlier) {
		Matcher m = REFERENCE.matcher(value);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String replacement = m.group(1) == null ? "$" : earlier.getOrDefault(m.group(1), m.group());
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		return m.appendTail(out).toString();
	}

	private String fromSource(String name, EnvVarSource source, ObjectMeta pod, String serviceAccount) {
		if (source.getFieldRef() != null) {
			return field(source.getFieldRef().getFieldPath(), pod, serviceAccount)
				.orElseThrow(() -> unsupported(name, "fieldRef " + source.getFieldRef().getFieldPath()));
		}
		if (source.getConfigMapKeyRef() != null) {
			var ref = source.getConfigMapKeyRef();
			return manifests.find(ConfigMap.class, ref.getName())
				.map(c -> c.getData() == null ? null : c.getData().get(ref.getKey()))
				.or(() -> Boolean.TRUE.equals(ref.getOptional()) ? Optional.of("") : Optional.empty())
				.orElseThrow(() -> unsupported(name, "ConfigMap " + ref.getName() + " key " + ref.getKey() + " not in the overlay"));
		}
		if (source.getSecretKeyRef() != null) {
			var ref = source.getSecretKeyRef();
			return manifests.find(Secret.class, ref.getName()).flatMap(s -> secretValue(s, ref.getKey()))
				.or(() -> Boolean.TRUE.equals(ref.getOptional()) ? Optional.of("") : Optional.empty())
				.orElseThrow(() -> unsupported(name, "Secret " + ref.getName() + " key " + ref.getKey() + " not in the overlay"));
		}
		throw unsupported(name, "this kind of valueFrom");
	}

	/** A downward-API field of the pod, as the kubelet fills it in; empty when the lab cannot know it. */
	static Optional<String> field(String path, ObjectMeta pod, String serviceAccount) {
		Matcher key = MAP_KEY.matcher(path);
		if (key.matches()) {
			Map<String, String> map = key.group(1).equals("labels") ? pod.getLabels() : pod.getAnnotations();
			return Optional.of(map == null ? "" : map.getOrDefault(key.group(2), ""));
		}
		return Optional.ofNullable(switch (path) {
			case "metadata.name" -> pod.getName();
			case "metadata.namespace" -> pod.getNamespace();
			case "metadata.uid" -> java.util.UUID.nameUUIDFromBytes(pod.getName().getBytes(StandardCharsets.UTF_8)).toString();
			case "spec.serviceAccountName" -> serviceAccount == null ? "default" : serviceAccount;
			case "spec.nodeName" -> "graychain-lab";
			case "status.podIP", "status.hostIP", "status.podIPs", "status.hostIPs" -> LOOPBACK;
			default -> null;
		});
	}

	private static Optional<String> secretValue(Secret secret, String key) {
		if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
			return Optional.of(secret.getStringData().get(key));
		}
		return Optional.ofNullable(secret.getData()).map(d -> d.get(key))
			.map(v -> new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
	}

	private static IllegalArgumentException unsupported(String variable, String what) {
		return new IllegalArgumentException("env " + variable + ": the lab cannot resolve " + what);
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

}
