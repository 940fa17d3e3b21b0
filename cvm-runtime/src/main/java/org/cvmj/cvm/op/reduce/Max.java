package org.cvmj.cvm.op.reduce;

import java.util.Arrays;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code max}: the maximum of the input over the reduced axes (see {@link Reduction} for the attributes and
 * the numpy semantics taken from the FORMAL backend). Output precision: that of the input.
 *
 * <p>With {@code axis=()} both reference backends start the running maximum at 0 instead of at the first
 * element, so an all-negative input gives 0; that is a bug, and this operator returns the true maximum
 * for every axis choice.
 */
public record Max(int[] axis, boolean keepdims, boolean exclude) implements Operator {

  public Max {
    axis = axis.clone();
  }

  public static Max parse(OpAttrs attrs) throws OpException {
    int[] axis = Reduction.parseAxis(attrs);
    boolean keepdims = attrs.getBool("keepdims", false);
    boolean exclude = attrs.getBool("exclude", false);
    attrs.finish();
    return new Max(axis, keepdims, exclude);
  }

  @Override
  public int[] axis() {
    return axis.clone();
  }

  @Override
  public String name() {
    return "max";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    return Reduction.inferShapes(name(), in, axis, keepdims, exclude);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] y = out[0].data();
    Reduction plan = Reduction.plan(in[0].shape(), axis, exclude);
    int n = plan.inner;
    int s = plan.innerStride;
    int m = plan.outerCount;
    parallel.forRange(out[0].size(), plan.fanIn, (from, to) -> {
      Reduction.Cursor c = plan.cursor(from);
      for (int i = from; i < to; i++, c.next()) {
        int base = c.base();
        // Every output has at least one input, so starting below all of them yields the true maximum.
        int acc = Integer.MIN_VALUE;
        for (int k = 0; k < m; k++) {
          int o = base + plan.outerOffset(k);
          for (int j = 0; j < n; j++) {
            acc = Math.max(acc, x[o + j * s]);
          }
        }
        y[i] = acc;
      }
    });
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Max other && Arrays.equals(axis, other.axis) && keepdims == other.keepdims
        && exclude == other.exclude;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(axis) * 31 + (keepdims ? 2 : 0) + (exclude ? 1 : 0);
  }

  @Override
  public String toString() {
    return "Max[axis=" + OpAttrs.tuple(axis) + ", keepdims=" + keepdims + ", exclude=" + exclude + "]";
  }
}
