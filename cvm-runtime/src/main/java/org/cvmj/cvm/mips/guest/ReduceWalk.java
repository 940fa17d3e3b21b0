package org.cvmj.cvm.mips.guest;

import java.util.Arrays;
import org.cvmj.cvm.tensor.Shape;

/**
 * How the guest walks a {@code sum} or {@code max}: input axes split into kept and reduced ones (size-1
 * axes dropped, neighbours of the same kind merged), each with its input stride. Outputs follow the kept
 * axes in row-major order, which is the output's own order whether or not keepdims is set.
 *
 * @param fields nKept, nRed, then nKept x [size, stride], nRed x [size, stride]
 */
record ReduceWalk(int[] fields) {

  /** {@code axis}, {@code exclude} as the operators hold them; the loader has validated them. */
  static ReduceWalk of(Shape x, int[] axis, boolean exclude) {
    int ndim = x.ndim();
    boolean[] reduced = new boolean[ndim];
    if (axis.length == 0) {
      Arrays.fill(reduced, true);
    } else {
      for (int a : axis) {
        reduced[a < 0 ? a + ndim : a] = true;
      }
      if (exclude) {
        for (int d = 0; d < ndim; d++) {
          reduced[d] = !reduced[d];
        }
      }
    }
    int[] stride = x.strides();
    int[] ks = new int[ndim];
    int[] kst = new int[ndim];
    int[] rs = new int[ndim];
    int[] rst = new int[ndim];
    int nk = 0;
    int nr = 0;
    int prevKind = -1;
    for (int d = 0; d < ndim; d++) {
      int size = x.dim(d);
      if (size == 1) {
        continue;
      }
      if (reduced[d]) {
        if (prevKind == 1) {
          rs[nr - 1] *= size;
          rst[nr - 1] = stride[d];
        } else {
          rs[nr] = size;
          rst[nr++] = stride[d];
        }
        prevKind = 1;
      } else {
        if (prevKind == 0) {
          ks[nk - 1] *= size;
          kst[nk - 1] = stride[d];
        } else {
          ks[nk] = size;
          kst[nk++] = stride[d];
        }
        prevKind = 0;
      }
    }
    if (nr == 0) {
      // Nothing to combine: each output is one input.
      rs[0] = 1;
      rst[0] = 0;
      nr = 1;
    }
    int[] f = new int[2 + 2 * (nk + nr)];
    f[0] = nk;
    f[1] = nr;
    for (int i = 0; i < nk; i++) {
      f[2 + 2 * i] = ks[i];
      f[3 + 2 * i] = kst[i];
    }
    for (int i = 0; i < nr; i++) {
      f[2 + 2 * (nk + i)] = rs[i];
      f[3 + 2 * (nk + i)] = rst[i];
    }
    return new ReduceWalk(f);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReduceWalk r && Arrays.equals(fields, r.fields);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields);
  }
}
