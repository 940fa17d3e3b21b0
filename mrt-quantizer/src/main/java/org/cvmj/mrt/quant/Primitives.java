package org.cvmj.mrt.quant;

/**
 * MRT's primitive functions (spec mrt-quantizer.md §3.3), reproduced exactly because they decide the shift
 * bits, multipliers and precisions written into the model. All arithmetic is in double, as Python's is.
 */
public final class Primitives {
  private Primitives() {}

  /**
   * {@code get_bit(v) = ceil(log2(|v| + 1)) + 1}: the bits a signed integer needs to hold magnitude v.
   * Computed from the binary exponent, so that powers of two are exact (a floating log2 may land a hair
   * above an integer and add a spurious bit).
   */
  public static int getBit(double v) {
    return ceilLog2(Math.abs(v) + 1) + 1;
  }

  /** ceil(log2(x)) for x ≥ 1. */
  static int ceilLog2(double x) {
    int e = Math.getExponent(x);
    return x == Math.scalb(1.0, e) ? e : e + 1;
  }

  /** {@code get_range(p) = 2^(p-1) - 1}, the largest magnitude of a p-bit signed value. */
  public static long range(int precision) {
    return (1L << (precision - 1)) - 1;
  }

  /** {@code scale(th, p) = get_range(p) / th}, or 1 for a zero threshold. */
  public static double scale(double threshold, int precision) {
    return threshold == 0 ? 1 : range(precision) / threshold;
  }

  /** MXNet's {@code round}: half away from zero. */
  public static double roundHalfAway(double x) {
    return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
  }

  /** {@code int_realize(x, p) = clip(round(x), -get_range(p), get_range(p))}. */
  public static int intRealize(double x, int precision) {
    long r = range(precision);
    double v = Math.max(-r, Math.min(r, roundHalfAway(x)));
    return (int) v;
  }

  /** A positive rescale factor as an integer multiplier and a power of two: {@code r ≈ frac · 2^exp}. */
  public record CvmFloat(long frac, int exp) {
    public double value() {
      return frac * Math.scalb(1.0, exp);
    }
  }

  /**
   * {@code cvm_float(r, bits)}: normalises r into [1, 2), then keeps doubling while the mantissa has a
   * fraction and bits remain, and rounds half to even (Python's {@code round}); the multiplier is capped at
   * {@code 2^(bits-1) - 1} so that it fits the bits left beside the operand's precision.
   */
  public static CvmFloat cvmFloat(double r, int bits) {
    if (!(r > 0) || Double.isInfinite(r)) {
      throw new IllegalArgumentException("rescale factor must be positive and finite, got " + r);
    }
    long alpha = Math.max((1L << (bits - 1)) - 1, 1);
    bits -= 1;
    int exp = 0;
    while (r >= 1) {
      r /= 2;
      exp += 1;
    }
    while (r < 1) {
      r *= 2;
      exp -= 1;
    }
    while (bits > 1 && r != Math.rint(r)) {
      r *= 2;
      exp -= 1;
      bits -= 1;
    }
    return new CvmFloat(Math.min((long) Math.rint(r), alpha), exp);
  }
}
