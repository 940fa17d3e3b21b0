package org.cvmj.cvm.op.elemwise;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** {@code elemwise_add}: y = a + b on identical shapes, int32 wrap-around; precision max(p_a, p_b) + 1. */
public record ElemwiseAdd() implements Operator {

  public static ElemwiseAdd parse(OpAttrs attrs) throws OpException {
    attrs.finish();
    return new ElemwiseAdd();
  }

  @Override
  public String name() {
    return "elemwise_add";
  }

  @Override
  public int numInputs() {
    return 2;
  }

  @Override
  public boolean outputMayAliasInput() {
    return true;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in[0].equals(in[1]), "operand shapes %s and %s differ", in[0], in[1]);
    return Shapes.same(in);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(Math.max(p[0], p[1]) + 1);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] a = in[0].data();
    int[] b = in[1].data();
    int[] y = out[0].data();
    for (int i = 0, n = out[0].size(); i < n; i++) {
      y[i] = a[i] + b[i];
    }
  }
}
