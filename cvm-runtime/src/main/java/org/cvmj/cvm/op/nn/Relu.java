package org.cvmj.cvm.op.nn;

import org.cvmj.cvm.op.Lanes;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** {@code relu}: y = max(x, 0). */
public record Relu() implements Operator {

  public static Relu parse(OpAttrs attrs) throws OpException {
    attrs.finish();
    return new Relu();
  }

  @Override
  public String name() {
    return "relu";
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
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    Lanes.clip(in[0].data(), out[0].data(), out[0].size(), 0, Integer.MAX_VALUE);
  }
}
