package org.cvmj.cvm.mips.guest;

import java.util.Arrays;
import org.cvmj.cvm.op.broadcast.Broadcast;
import org.cvmj.cvm.tensor.Shape;

/**
 * Numpy broadcasting as runs, for the guest's binary kernel: the broadcast operators' own iteration plan
 * ({@link Broadcast#plan}: size-1 output dimensions dropped, neighbours along which each operand behaves
 * the same way merged) written as plan words. The innermost merged dimension is a run in which an operand
 * steps by 1 or 0, the others are an odometer with per-operand strides.
 *
 * @param fields inner, aStep, bStep, nOuter, then nOuter x [size, aStride, bStride]
 */
record BroadcastRuns(int[] fields) {

  static BroadcastRuns of(Shape a, Shape b, Shape y) {
    Broadcast plan = Broadcast.plan(a, b, y);
    int[] outer = plan.outerSizes();
    int[] as = plan.aStrides();
    int[] bs = plan.bStrides();
    int[] f = new int[4 + 3 * outer.length];
    f[0] = plan.inner();
    f[1] = plan.aVaries() ? 1 : 0;
    f[2] = plan.bVaries() ? 1 : 0;
    f[3] = outer.length;
    for (int d = 0; d < outer.length; d++) {
      f[4 + 3 * d] = outer[d];
      f[5 + 3 * d] = as[d];
      f[6 + 3 * d] = bs[d];
    }
    return new BroadcastRuns(f);
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
