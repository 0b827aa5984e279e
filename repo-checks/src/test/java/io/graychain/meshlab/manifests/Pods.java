package io.graychain.meshlab.manifests;

import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import static org.assertj.core.api.Assertions.assertThat;

/** Short ways into a rendered Deployment. */
final class Pods {

	/** The name every graychain Deployment gives its application container. */
	static final String APP_CONTAINER = "app";

	private Pods() {
	}

	static String name(Deployment deployment) {
		return deployment.getMetadata().getName();
	}

	static PodSpec spec(Deployment deployment) {
		return deployment.getSpec().getTemplate().getSpec();
	}

	static Map<String, String> labels(Deployment deployment) {
		return deployment.getSpec().getTemplate().getMetadata().getLabels();
	}

	/** The application container (the Istio sidecar is added at admission, not here). */
	static Container app(Deployment deployment) {
		assertThat(spec(deployment).getContainers()).as("%s: containers", name(deployment))
			.extracting(Container::getName)
			.containsExactly(APP_CONTAINER);
		return spec(deployment).getContainers().get(0);
	}

	/** Whether a label selector selects pods with these labels. */
	static boolean selects(Map<String, String> selector, Map<String, String> labels) {
		return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
	}

}
