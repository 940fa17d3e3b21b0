package org.cvmj.cvm.op;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD loops for the elementwise requantisation kernels that run after every convolution. Integer lane
 * operations are exact, so these give the same bits as the scalar tails (and as the reference).
 * {@code x} and {@code y} may be the same array (in-place operators): element i is read before it is written.
 */
public final class Lanes {
  private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;

  private Lanes() {}

  /** y = min(max(x, lo), hi). */
  public static void clip(int[] x, int[] y, int n, int lo, int hi) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      IntVector.fromArray(S, x, i).max(lo).min(hi).intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] = Math.min(Math.max(x[i], lo), hi);
    }
  }

  /** y = min(max(((x &gt;&gt; s) + 1) &gt;&gt; 1, lo), hi): round-half-up shift then clip. */
  public static void roundShiftClip(int[] x, int[] y, int n, int s, int lo, int hi) {
    int i = 0;
    for (int end = S.loopBound(n); i < end; i += S.length()) {
      IntVector.fromArray(S, x, i).lanewise(VectorOperators.ASHR, s).add(1).lanewise(VectorOperators.ASHR, 1)
          .max(lo).min(hi).intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] = Math.min(Math.max(((x[i] >> s) + 1) >> 1, lo), hi);
    }
  }
}
