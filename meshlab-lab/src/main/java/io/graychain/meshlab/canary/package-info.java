/**
 * Progressive delivery: promote a canary (subset v2 of a service) step by step on its live figures, or
 * roll it back, with the formulas of Flagger's Istio checks.
 * <ul>
 * <li>{@link io.graychain.meshlab.canary.CanaryRun}: the steps as a pure state machine over
 * {@link io.graychain.meshlab.canary.TrafficSplit} (set the weights) and
 * {@link io.graychain.meshlab.canary.CanaryMetrics} (measure an interval).
 * <li>Figures from two scrapes of Istio's standard metrics ({@link io.graychain.meshlab.canary.IntervalAnalysis},
 * {@link io.graychain.meshlab.canary.BucketQuantile}: Prometheus' histogram_quantile), or from a
 * cluster's Prometheus running Flagger's own queries ({@link io.graychain.meshlab.canary.PrometheusMetrics}).
 * <li>The weights as a VirtualService written from the one in force
 * ({@link io.graychain.meshlab.canary.VirtualServiceSplit}), applied with kubectl on a cluster.
 * <li>{@link io.graychain.meshlab.canary.CanaryCommand}: {@code canary SERVICE --cluster}.
 * </ul>
 * On a cluster with Flagger or Argo Rollouts installed, k8s/components/flagger and
 * k8s/components/argo-rollouts hand the same decision to those engines.
 */
package io.graychain.meshlab.canary;
