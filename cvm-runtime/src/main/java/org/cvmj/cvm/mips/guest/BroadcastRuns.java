package org.cvmj.cvm.mips.guest;

import java.util.Arrays;
import org.cvmj.cvm.tensor.Shape;

/**
 * Numpy broadcasting as runs, for the guest's binary kernel: output dimensions of size 1 are dropped and
 * neighbouring dimensions along which each operand behaves the same way (follows the output, or is
 * broadcast) are merged; the innermost merged dimension is a run in which an operand steps by 1 or 0,
 * the others are an odometer with per-operand strides. Same-shape operands become one run.
 *
 * @param fields inner, aStep, bStep, nOuter, then nOuter x [size, aStride, bStride]
 */
record BroadcastRuns(int[] fields) {

  static BroadcastRuns of(Shape a, Shape b, Shape y) {
    int n = y.ndim();
    int[] aContig = paddedStrides(a, n);
    int[] bContig = paddedStrides(b, n);
    int[] size = new int[n];
    int[] as = new int[n];
    int[] bs = new int[n];
    boolean[] af = new boolean[n];
    boolean[] bf = new boolean[n];
    int g = 0;
    for (int i = 0; i < n; i++) {
      int d = y.dim(i);
      if (d == 1) {
        continue;
      }
      boolean aFull = padded(a, n, i) == d;
      boolean bFull = padded(b, n, i) == d;
      if (g > 0 && af[g - 1] == aFull && bf[g - 1] == bFull) {
        // Only size-1 dimensions lie between, so the merged index times the inner stride is the offset.
        size[g - 1] *= d;
        as[g - 1] = aFull ? aContig[i] : 0;
        bs[g - 1] = bFull ? bContig[i] : 0;
      } else {
        size[g] = d;
        as[g] = aFull ? aContig[i] : 0;
        bs[g] = bFull ? bContig[i] : 0;
        af[g] = aFull;
        bf[g] = bFull;
        g++;
      }
    }
    if (g == 0) {
      return new BroadcastRuns(new int[] {1, 1, 1, 0});
    }
    int last = g - 1;
    int[] f = new int[4 + 3 * last];
    f[0] = size[last];
    f[1] = af[last] ? 1 : 0;
    f[2] = bf[last] ? 1 : 0;
    f[3] = last;
    for (int d = 0; d < last; d++) {
      f[4 + 3 * d] = size[d];
      f[5 + 3 * d] = as[d];
      f[6 + 3 * d] = bs[d];
    }
    return new BroadcastRuns(f);
  }

  private static int padded(Shape s, int n, int i) {
    int j = i - (n - s.ndim());
    return j >= 0 ? s.dim(j) : 1;
  }

  private static int[] paddedStrides(Shape s, int n) {
    int[] st = new int[n];
    int acc = 1;
    for (int i = n - 1; i >= n - s.ndim(); i--) {
      st[i] = acc;
      acc *= s.dim(i - (n - s.ndim()));
    }
    return st;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BroadcastRuns r && Arrays.equals(fields, r.fields);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields);
  }
}
