package io.graychain.meshlab.manifests;

import java.util.Set;

import io.graychain.meshlab.manifests.CrdSchema.OneOf;

import static io.graychain.meshlab.manifests.CrdSchema.Scalar.BOOLEAN;
import static io.graychain.meshlab.manifests.CrdSchema.Scalar.INTEGER;
import static io.graychain.meshlab.manifests.CrdSchema.Scalar.INT_OR_STRING;
import static io.graychain.meshlab.manifests.CrdSchema.Scalar.NUMBER;
import static io.graychain.meshlab.manifests.CrdSchema.Scalar.STRING;

/**
 * The fields of Flagger's and Argo Rollouts' custom resources that graychain's components may set,
 * with their types, enums and required fields, written down from the projects' CRDs (not copied
 * files). Only the part of each CRD the components use, and its close neighbours, is listed: to set
 * another field, look it up in the CRD named below and add it here.
 */
final class CrdFields {

	/**
	 * Canary {@code flagger.app/v1beta1}, from fluxcd/flagger {@code artifacts/flagger/crd.yaml} at
	 * commit 15bd6ad555e6c935da55f0ab95977be74c149bd6 (openAPIV3Schema of canaries.flagger.app).
	 * {@code service.port} and the analysis counts are {@code type: number} there, not integer.
	 */
	static final CrdSchema FLAGGER_CANARY = CrdSchema.of("Canary")
		.required("spec.targetRef")
		.required("spec.analysis")
		.field("spec.provider", new OneOf(Set.of("apisix", "appmesh", "appmesh:v1beta2", "contour", "gatewayapi:v1",
				"gatewayapi:v1beta1", "gloo", "istio", "knative", "kubernetes", "kuma", "linkerd", "nginx", "osm",
				"skipper", "smi:v1alpha1", "smi:v1alpha2", "smi:v1alpha3", "traefik")))
		.field("spec.metricsServer", STRING)
		.field("spec.progressDeadlineSeconds", NUMBER)
		.field("spec.skipAnalysis", BOOLEAN)
		.field("spec.revertOnDeletion", BOOLEAN)
		.field("spec.suspend", BOOLEAN)
		.required("spec.targetRef.apiVersion", STRING)
		.required("spec.targetRef.kind", new OneOf(Set.of("DaemonSet", "Deployment", "Service")))
		.required("spec.targetRef.name", STRING)
		.field("spec.service.name", STRING)
		.required("spec.service.port", NUMBER)
		.field("spec.service.portName", STRING)
		.field("spec.service.appProtocol", STRING)
		.field("spec.service.targetPort", INT_OR_STRING)
		.field("spec.service.portDiscovery", BOOLEAN)
		.field("spec.service.timeout", STRING)
		.field("spec.service.hosts[]", STRING)
		.field("spec.service.gateways[]", STRING)
		.field("spec.service.delegation", BOOLEAN)
		.field("spec.service.retries.attempts", INTEGER)
		.field("spec.service.retries.perTryTimeout", STRING)
		.field("spec.service.retries.retryOn", STRING)
		.field("spec.analysis.interval", STRING)
		.field("spec.analysis.iterations", NUMBER)
		.field("spec.analysis.threshold", NUMBER)
		.field("spec.analysis.maxWeight", NUMBER)
		.field("spec.analysis.stepWeight", NUMBER)
		.field("spec.analysis.stepWeights[]", NUMBER)
		.field("spec.analysis.stepWeightPromotion", NUMBER)
		.field("spec.analysis.mirror", BOOLEAN)
		.field("spec.analysis.mirrorWeight", NUMBER)
		.required("spec.analysis.metrics[].name", STRING)
		.field("spec.analysis.metrics[].interval", STRING)
		.field("spec.analysis.metrics[].threshold", NUMBER)
		.field("spec.analysis.metrics[].thresholdRange.min", NUMBER)
		.field("spec.analysis.metrics[].thresholdRange.max", NUMBER)
		.field("spec.analysis.metrics[].query", STRING)
		.required("spec.analysis.metrics[].templateRef.name", STRING)
		.field("spec.analysis.metrics[].templateRef.namespace", STRING)
		.field("spec.analysis.metrics[].templateVariables.*", STRING)
		.required("spec.analysis.webhooks[].name", STRING)
		.field("spec.analysis.webhooks[].type", new OneOf(Set.of("", "confirm-rollout", "pre-rollout", "rollout",
				"confirm-promotion", "post-rollout", "event", "rollback", "confirm-traffic-increase")))
		.field("spec.analysis.webhooks[].muteAlert", BOOLEAN)
		.required("spec.analysis.webhooks[].url", STRING)
		.field("spec.analysis.webhooks[].timeout", STRING)
		.field("spec.analysis.webhooks[].retries", NUMBER)
		.field("spec.analysis.webhooks[].disableTLS", BOOLEAN)
		.field("spec.analysis.webhooks[].metadata.*", STRING);

	/**
	 * Rollout {@code argoproj.io/v1alpha1}, from argoproj/argo-rollouts
	 * {@code manifests/crds/rollout-crd.yaml} at commit 9f8d111d8f8e3e88b6d7f8bbdf62fd3cd863ef9d.
	 */
	static final CrdSchema ARGO_ROLLOUT = CrdSchema.of("Rollout")
		.required("spec")
		.field("spec.replicas", INTEGER)
		.field("spec.revisionHistoryLimit", INTEGER)
		.field("spec.progressDeadlineSeconds", INTEGER)
		.field("spec.progressDeadlineAbort", BOOLEAN)
		.field("spec.selector.matchLabels.*", STRING)
		.field("spec.workloadRef.apiVersion", STRING)
		.field("spec.workloadRef.kind", STRING)
		.field("spec.workloadRef.name", STRING)
		.field("spec.workloadRef.scaleDown", STRING)
		.field("spec.strategy.canary.maxSurge", INT_OR_STRING)
		.field("spec.strategy.canary.maxUnavailable", INT_OR_STRING)
		.field("spec.strategy.canary.dynamicStableScale", BOOLEAN)
		.field("spec.strategy.canary.abortScaleDownDelaySeconds", INTEGER)
		.field("spec.strategy.canary.steps[].setWeight", INTEGER)
		.field("spec.strategy.canary.steps[].pause.duration", INT_OR_STRING)
		.field("spec.strategy.canary.analysis.startingStep", INTEGER)
		.required("spec.strategy.canary.trafficRouting.istio.virtualService.name", STRING)
		.field("spec.strategy.canary.trafficRouting.istio.virtualService.routes[]", STRING)
		.required("spec.strategy.canary.trafficRouting.istio.destinationRule.name", STRING)
		.required("spec.strategy.canary.trafficRouting.istio.destinationRule.canarySubsetName", STRING)
		.required("spec.strategy.canary.trafficRouting.istio.destinationRule.stableSubsetName", STRING)
		.field("spec.strategy.canary.trafficRouting.istio.destinationRule.additionalSubsetNames[]", STRING);

	static {
		// an analysis step and the background analysis take the same RolloutAnalysis fields
		for (String analysis : new String[] { "spec.strategy.canary.steps[].analysis", "spec.strategy.canary.analysis" }) {
			ARGO_ROLLOUT.field(analysis + ".templates[].templateName", STRING)
				.field(analysis + ".templates[].clusterScope", BOOLEAN)
				.required(analysis + ".args[].name", STRING)
				.field(analysis + ".args[].value", STRING)
				.required(analysis + ".args[].valueFrom.fieldRef.fieldPath", STRING)
				.field(analysis + ".args[].valueFrom.podTemplateHashValue", STRING);
		}
	}

	/**
	 * AnalysisTemplate {@code argoproj.io/v1alpha1}, from argoproj/argo-rollouts
	 * {@code manifests/crds/analysis-template-crd.yaml} at commit 9f8d111d8f8e3e88b6d7f8bbdf62fd3cd863ef9d.
	 */
	static final CrdSchema ARGO_ANALYSIS_TEMPLATE = CrdSchema.of("AnalysisTemplate")
		.required("spec.args[].name", STRING)
		.field("spec.args[].value", STRING)
		.required("spec.metrics[].name", STRING)
		.required("spec.metrics[].provider")
		.field("spec.metrics[].interval", STRING)
		.field("spec.metrics[].initialDelay", STRING)
		.field("spec.metrics[].count", INT_OR_STRING)
		.field("spec.metrics[].failureLimit", INT_OR_STRING)
		.field("spec.metrics[].inconclusiveLimit", INT_OR_STRING)
		.field("spec.metrics[].consecutiveErrorLimit", INT_OR_STRING)
		.field("spec.metrics[].successCondition", STRING)
		.field("spec.metrics[].failureCondition", STRING)
		.field("spec.metrics[].provider.prometheus.address", STRING)
		.field("spec.metrics[].provider.prometheus.query", STRING)
		.field("spec.metrics[].provider.prometheus.timeout", INTEGER)
		.field("spec.metrics[].provider.prometheus.insecure", BOOLEAN);

	private CrdFields() {
	}

}
