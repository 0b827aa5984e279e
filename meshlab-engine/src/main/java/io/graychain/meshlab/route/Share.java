package io.graychain.meshlab.route;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact fraction of traffic, {@code numerator / denominator}, always reduced.
 *
 * @param numerator the part
 * @param denominator the whole, positive
 */
public record Share(BigInteger numerator, BigInteger denominator) implements Comparable<Share> {

	public static final Share ZERO = of(0, 1);

	public static final Share ALL = of(1, 1);

	public Share {
		if (denominator.signum() <= 0) {
			throw new IllegalArgumentException("denominator must be positive: " + denominator);
		}
		BigInteger gcd = numerator.gcd(denominator);
		if (gcd.signum() > 0) {
			numerator = numerator.divide(gcd);
			denominator = denominator.divide(gcd);
		}
	}

	public static Share of(long numerator, long denominator) {
		return new Share(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
	}

	public Share plus(Share other) {
		return new Share(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
				denominator.multiply(other.denominator));
	}

	public Share times(Share other) {
		return new Share(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
	}

	public boolean isZero() {
		return numerator.signum() == 0;
	}

	/** True when this share is exactly {@code percent} percent (e.g. {@code 12.5}). */
	public boolean isPercent(BigDecimal percent) {
		return percent.multiply(new BigDecimal(denominator)).compareTo(new BigDecimal(numerator.multiply(BigInteger.valueOf(100)))) == 0;
	}

	/** The share in percent, rounded to 6 significant digits for display. */
	public BigDecimal percent() {
		return new BigDecimal(numerator.multiply(BigInteger.valueOf(100)))
			.divide(new BigDecimal(denominator), new MathContext(6))
			.stripTrailingZeros();
	}

	public double toDouble() {
		return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64).doubleValue();
	}

	@Override
	public int compareTo(Share other) {
		return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
	}

	@Override
	public String toString() {
		return percent().toPlainString() + "%";
	}

}
