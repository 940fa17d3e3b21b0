package org.cvmj.cvm.op.transform;

import org.cvmj.cvm.op.Parallel;

/**
 * Copies {@code y[i] = x[base + sum_j c_j * stride_j]} where {@code (c_0, ..., c_{k-1})} is the row-major
 * coordinate of {@code i} in {@code dims}. Transpose, slicing, repeat and tile are all this loop with
 * different virtual dimensions and strides (a stride of 0 repeats, a negative stride walks backwards).
 */
final class Gather {
  private Gather() {}

  /**
   * Strides may have wrapped when they were narrowed to int (a huge slice step on an axis of one output
   * element, for instance): every offset is computed modulo 2^32 and the true offset is always inside
   * {@code x}, so the wrapped arithmetic still lands on it.
   */
  static void run(int[] x, int base, int[] dims, int[] strides, int[] y, int n, Parallel parallel) {
    int k = dims.length;
    parallel.forRange(n, 2, (from, to) -> {
      int[] c = new int[k];
      int off = base;
      int rem = from;
      for (int j = k - 1; j >= 0; j--) {
        c[j] = rem % dims[j];
        rem /= dims[j];
        off += c[j] * strides[j];
      }
      for (int i = from; i < to; i++) {
        y[i] = x[off];
        for (int j = k - 1; j >= 0; j--) {
          off += strides[j];
          if (++c[j] < dims[j]) {
            break;
          }
          off -= strides[j] * dims[j];
          c[j] = 0;
        }
      }
    });
  }

  /** Row-major strides of {@code dims}, in elements. */
  static int[] strides(int[] dims) {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  /** Product of {@code dims[from..to)}. */
  static int product(int[] dims, int from, int to) {
    int p = 1;
    for (int i = from; i < to; i++) {
      p *= dims[i];
    }
    return p;
  }
}
