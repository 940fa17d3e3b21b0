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
 * {@code sum}: adds the input over the reduced axes (see {@link Reduction} for the attributes and the
 * numpy semantics taken from the FORMAL backend), in 32-bit arithmetic. Output precision
 * {@code p + bits(size(input) / size(output))}, which bounds the sum, so it cannot wrap in a valid model.
 * Gas weight per output element: {@code size(input) / size(output)}.
 */
public record Sum(int[] axis, boolean keepdims, boolean exclude) implements Operator {

  public Sum {
    axis = axis.clone();
  }

  public static Sum parse(OpAttrs attrs) throws OpException {
    int[] axis = Reduction.parseAxis(attrs);
    boolean keepdims = attrs.getBool("keepdims", false);
    boolean exclude = attrs.getBool("exclude", false);
    attrs.finish();
    return new Sum(axis, keepdims, exclude);
  }

  @Override
  public int[] axis() {
    return axis.clone();
  }

  @Override
  public String name() {
    return "sum";
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
  public int[] inferPrecisions(Shape[] in, int[] p) throws OpException {
    Shape out = inferShapes(in)[0];
    return Precision.one(p[0] + Precision.bits(Reduction.fanIn(in[0], out)));
  }

  @Override
  public long opsPerElement(Shape[] in, Shape[] out) {
    return Reduction.fanIn(in[0], out[0]);
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
        int acc = 0;
        for (int k = 0; k < m; k++) {
          int o = base + plan.outerOffset(k);
          for (int j = 0; j < n; j++) {
            acc += x[o + j * s];
          }
        }
        y[i] = acc;
      }
    });
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sum other && Arrays.equals(axis, other.axis) && keepdims == other.keepdims
        && exclude == other.exclude;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(axis) * 31 + (keepdims ? 2 : 0) + (exclude ? 1 : 0);
  }

  @Override
  public String toString() {
    return "Sum[axis=" + OpAttrs.tuple(axis) + ", keepdims=" + keepdims + ", exclude=" + exclude + "]";
  }
}
