package org.cvmj.cvm.op;

/** The precision arithmetic shared by the operators' rules (reference: op_common.h, elemwise_op_common.h). */
public final class Precision {
  private Precision() {}

  /** Number of bits of n &gt; 0 ({@code GetReduceSumBit}); 0 for n &lt;= 0. */
  public static int bits(long n) {
    int p = 0;
    while (n > 0) {
      p++;
      n >>= 1;
    }
    return p;
  }

  /** Precision needed to hold |v| &lt;= n: {@code bits(n + 1) + 1} ({@code GetNumberPrecision}). */
  public static int ofNumber(long n) {
    return bits(n + 1) + 1;
  }

  /** Largest magnitude of precision p: {@code 2^(p-1) - 1}. */
  public static int range(int p) {
    return (int) ((1L << (p - 1)) - 1);
  }

  /** Symmetric clip to precision p; the sign flag of the ops is ignored, as in the reference. */
  public static int clip(int v, int p) {
    int r = range(p);
    return v > r ? r : Math.max(v, -r);
  }

  public static int max(int[] precisions) {
    int m = Integer.MIN_VALUE;
    for (int p : precisions) {
      m = Math.max(m, p);
    }
    return m;
  }

  /** The usual single-output result. */
  public static int[] one(int p) {
    return new int[] {p};
  }
}
