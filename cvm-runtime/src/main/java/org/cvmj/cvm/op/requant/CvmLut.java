package org.cvmj.cvm.op.requant;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** {@code cvm_lut}: table lookup y[i] = table[clamp(x[i], 0, in_dim - 1)]; indices are clamped, never rejected. */
public record CvmLut(int inDim) implements Operator {

  public static CvmLut parse(OpAttrs attrs) throws OpException {
    int inDim = attrs.getInt("in_dim");
    attrs.finish();
    Shapes.require(inDim >= 1, "in_dim %d must be positive", inDim);
    return new CvmLut(inDim);
  }

  @Override
  public String name() {
    return "cvm_lut";
  }

  @Override
  public int numInputs() {
    return 2;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in[1].size() == inDim, "table has %d elements, in_dim is %d", in[1].size(), inDim);
    return Shapes.same(in);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[1]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] table = in[1].data();
    int[] y = out[0].data();
    int last = inDim - 1;
    for (int i = 0, n = out[0].size(); i < n; i++) {
      y[i] = table[Math.min(Math.max(x[i], 0), last)];
    }
  }
}
