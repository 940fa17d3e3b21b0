package org.cvmj.cvm.mips.guest;

import java.util.Arrays;
import org.cvmj.cvm.op.reduce.Reduction;
import org.cvmj.cvm.tensor.Shape;

/**
 * How the guest walks a {@code sum} or {@code max}: the operators' own iteration plan
 * ({@link Reduction#plan}: size-1 axes dropped, neighbours of the same kind merged) written as plan
 * words, kept and reduced axes each with their input stride. Outputs follow the kept axes in row-major
 * order, which is the output's own order whether or not keepdims is set.
 *
 * @param fields nKept, nRed, then nKept x [size, stride], nRed x [size, stride]
 */
record ReduceWalk(int[] fields) {

  /** {@code axis}, {@code exclude} as the operators hold them; the loader has validated them. */
  static ReduceWalk of(Shape x, int[] axis, boolean exclude) {
    Reduction plan = Reduction.plan(x, axis, exclude);
    int[] ks = plan.keptSizes();
    int[] kst = plan.keptStrides();
    int[] rs = plan.reducedSizes();
    int[] rst = plan.reducedStrides();
    int[] f = new int[2 + 2 * (ks.length + rs.length)];
    f[0] = ks.length;
    f[1] = rs.length;
    for (int i = 0; i < ks.length; i++) {
      f[2 + 2 * i] = ks[i];
      f[3 + 2 * i] = kst[i];
    }
    for (int i = 0; i < rs.length; i++) {
      f[2 + 2 * (ks.length + i)] = rs[i];
      f[3 + 2 * (ks.length + i)] = rst[i];
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
