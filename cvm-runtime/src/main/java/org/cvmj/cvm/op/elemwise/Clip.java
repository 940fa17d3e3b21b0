package org.cvmj.cvm.op.elemwise;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** {@code clip}: y = max(min(a_max, x), a_min); precision is what max(|a_min|, |a_max|) needs. */
public record Clip(int min, int max) implements Operator {

  public static Clip parse(OpAttrs attrs) throws OpException {
    int min = attrs.getInt("a_min");
    int max = attrs.getInt("a_max");
    attrs.finish();
    Shapes.require(min < max, "a_min %d must be below a_max %d", min, max);
    return new Clip(min, max);
  }

  @Override
  public String name() {
    return "clip";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public boolean outputMayAliasInput() {
    return true;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    return Shapes.same(in);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(Precision.ofNumber(Math.max(Math.abs((long) min), Math.abs((long) max))));
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] y = out[0].data();
    for (int i = 0, n = out[0].size(); i < n; i++) {
      y[i] = Math.max(Math.min(max, x[i]), min);
    }
  }
}
