package org.cvmj.mrt.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * dst[j] = fold over t &lt; taps of src[off + j + t*step], for j &lt; n: one axis of a pooling window over a
 * flat run of a plane (step = row length folds rows, step = 1 folds columns). Vector max and add have no
 * data-dependent branches, which matters: a compare-and-branch max mispredicts on half of real activations.
 */
final class SlidingFold {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private SlidingFold() {}

  static void max(float[] src, int off, int step, int taps, float[] dst, int n) {
    int j = 0;
    for (int end = S.loopBound(n); j < end; j += S.length()) {
      maxLanes(src, off + j, step, taps, dst, j);
    }
    for (; j < n; j++) {
      float m = src[off + j];
      for (int t = 1; t < taps; t++) {
        m = Math.max(m, src[off + j + t * step]);
      }
      dst[j] = m;
    }
  }

  private static void maxLanes(float[] src, int at, int step, int taps, float[] dst, int j) {
    FloatVector m = FloatVector.fromArray(S, src, at);
    for (int t = 1; t < taps; t++) {
      m = m.max(FloatVector.fromArray(S, src, at + t * step));
    }
    m.intoArray(dst, j);
  }

  static void sum(float[] src, int off, int step, int taps, float[] dst, int n) {
    int j = 0;
    for (int end = S.loopBound(n); j < end; j += S.length()) {
      sumLanes(src, off + j, step, taps, dst, j);
    }
    for (; j < n; j++) {
      float s = src[off + j];
      for (int t = 1; t < taps; t++) {
        s += src[off + j + t * step];
      }
      dst[j] = s;
    }
  }

  private static void sumLanes(float[] src, int at, int step, int taps, float[] dst, int j) {
    FloatVector s = FloatVector.fromArray(S, src, at);
    for (int t = 1; t < taps; t++) {
      s = s.add(FloatVector.fromArray(S, src, at + t * step));
    }
    s.intoArray(dst, j);
  }
}
