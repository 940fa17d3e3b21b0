package org.cvmj.cvm.op.elemwise;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** {@code negative}: y = -x, wrapping at Integer.MIN_VALUE. Not allowed to alias its input: the reference's alias list misspells it. */
public record Negative() implements Operator {

  public static Negative parse(OpAttrs attrs) throws OpException {
    attrs.finish();
    return new Negative();
  }

  @Override
  public String name() {
    return "negative";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    return Shapes.same(in);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] y = out[0].data();
    for (int i = 0, n = out[0].size(); i < n; i++) {
      y[i] = -x[i];
    }
  }
}
