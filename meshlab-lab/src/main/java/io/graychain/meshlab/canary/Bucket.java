package io.graychain.meshlab.canary;

/**
 * A bucket of a classic histogram: how many observations were at most {@code upperBound} (the
 * {@code le} label).
 */
public record Bucket(double upperBound, double count) {
}
